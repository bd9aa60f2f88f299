"""Reading a picture back: a PNG decoded to grey levels, and a label rendered apart and looked
for in it (normalised cross-correlation, by FFT)."""

from __future__ import annotations

import io

import numpy as np
from PIL import Image


def grey(png: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(png)).convert("L"), dtype=np.float64)


def rendered_label(text: str, *, centre: bool) -> np.ndarray:
    """``text`` drawn alone, as the map draws a company's label (same font, size and box), cut
    to the inside of its box: the letters."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    from bot.map import draw

    figure = Figure(figsize=(4, 1.5), dpi=draw.DPI, facecolor="white")
    FigureCanvasAgg(figure)
    style, box = (draw.CENTRE_STYLE, draw.CENTRE_BOX) if centre else (draw.LABEL_STYLE, draw.LABEL_BOX)
    figure.text(0.5, 0.5, text, ha="center", va="center", family=draw.FONT, bbox=box, **style)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=draw.DPI, facecolor="white")
    pixels = grey(buffer.getvalue())
    # the box, found by the grey of its border; the letters are what is inside it
    from matplotlib.colors import to_rgb

    r, g, b = to_rgb(box["edgecolor"])
    edge = 255 * (0.299 * r + 0.587 * g + 0.114 * b)  # PIL's grey
    rows, cols = np.nonzero(np.abs(pixels - edge) < 12)
    inset = 5
    return pixels[rows.min() + inset : rows.max() - inset + 1, cols.min() + inset : cols.max() - inset + 1]


def best_match(image: np.ndarray, template: np.ndarray) -> tuple[float, tuple[int, int]]:
    """The highest normalised cross-correlation of ``template`` over ``image`` (1.0: the same
    pixels), and where (the template's centre, as (x, y))."""
    th, tw = template.shape
    t = template - template.mean()
    norm = np.sqrt((t**2).sum())
    shape = (image.shape[0] + th, image.shape[1] + tw)
    corr = np.fft.irfft2(np.fft.rfft2(image, shape) * np.fft.rfft2(t[::-1, ::-1], shape), shape)
    corr = corr[th - 1 : image.shape[0], tw - 1 : image.shape[1]]

    def window_sums(a: np.ndarray) -> np.ndarray:
        c = np.pad(a.cumsum(0).cumsum(1), ((1, 0), (1, 0)))
        return c[th:, tw:] - c[:-th, tw:] - c[th:, :-tw] + c[:-th, :-tw]

    sums, squares = window_sums(image), window_sums(image**2)
    spread = np.sqrt(np.maximum(squares - sums**2 / (th * tw), 1e-9))
    score = corr / (norm * spread)
    score[spread < 1.0] = 0.0  # a flat patch matches nothing
    y, x = np.unravel_index(np.argmax(score), score.shape)
    return float(score[y, x]), (int(x + tw // 2), int(y + th // 2))
