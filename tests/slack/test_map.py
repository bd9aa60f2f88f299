"""The rivalry map in Slack, through signed requests and the fake Web API: files_upload_v2's
three steps (files.getUploadURLExternal, the upload itself, files.completeUploadExternal), the
uploaded bytes read back as a PNG, and where the picture is shown."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from urllib.parse import urlencode

from PIL import Image

from bot.map.draw import HEIGHT, WIDTH
from tests.conftest import ROOT
from tests.map.pixels import best_match, grey, rendered_label
from tests.slack.conftest import FORM, action_payload, button, command_body


def ask(server, fake, text, name="map"):
    assert server.signed(command_body("/rivals", text, fake.response_url(name)), FORM)[0] == 200
    [call] = fake.wait_for(f"response/{name}")
    return call.body


def click(server, fake, value, action_id, name="click", *, ephemeral=True, message=None):
    payload = action_payload(value, fake.response_url(name), action_id=action_id, ephemeral=ephemeral)
    if message is not None:
        payload["message"] = message
    body = urlencode({"payload": json.dumps(payload)})
    assert server.signed(body, FORM)[0] == 200


def uploaded_png(fake) -> tuple[str, bytes]:
    """The one file uploaded: its id and bytes, after checking the three steps happened in order."""
    [asked] = fake.wait_for("files.getUploadURLExternal")
    [sent] = fake.wait_for("upload/")
    [done] = fake.wait_for("files.completeUploadExternal")
    order = [c.path for c in fake.calls]
    assert order.index(asked.path) < order.index(sent.path) < order.index(done.path)
    [file] = json.loads(done.body["files"])
    png = fake.uploads[file["id"]]
    assert int(asked.body["length"]) == len(png) and asked.body["filename"].endswith(".png")
    return file["id"], png


def assert_sony_map(png: bytes) -> None:
    image = Image.open(io.BytesIO(png))
    image.verify()
    assert image.format == "PNG" and image.size == (WIDTH, HEIGHT)
    pixels = grey(png)
    assert best_match(pixels, rendered_label("Sony", centre=True))[0] > 0.95
    assert best_match(pixels, rendered_label("Microsoft", centre=False))[0] > 0.95


def test_rivals_map_shows_the_picture_in_the_reply_s_place(server, fake):
    reply = ask(server, fake, "Sony map")
    file_id, png = uploaded_png(fake)
    assert_sony_map(png)
    done = fake.of("files.completeUploadExternal")[0].body
    assert not done.get("channel_id") and not done.get("channels")  # shared nowhere: the asker alone sees it
    assert reply["response_type"] == "ephemeral"
    image = reply["blocks"][0]
    assert image["type"] == "image" and image["slack_file"] == {"id": file_id}
    assert "Sony" in image["alt_text"] and "Microsoft" not in image["alt_text"][:4]
    caption = json.dumps(reply["blocks"][1])
    assert "2 rivals and 1 partner" in caption and "/rivals Sony" in caption
    assert json.loads(button(reply, "share_map")["value"]) == {"c": "Sony", "h": 1}
    assert button(reply, "rivals_answer") is not None
    assert not fake.of("chat.postMessage")


def test_two_steps_are_asked_with_a_number(server, fake):
    reply = ask(server, fake, "map Sony 2")
    uploaded_png(fake)
    assert json.loads(button(reply, "share_map")["value"]) == {"c": "Sony", "h": 2}


def test_the_map_button_on_an_answer_only_its_asker_sees_replaces_it_with_the_picture(server, fake):
    answer = ask(server, fake, "Sony", name="answer")
    value = button(answer, "map_answer")["value"]
    click(server, fake, value, "map_answer")
    [call] = fake.wait_for("response/click")
    assert call.body["replace_original"] is True
    file_id, png = uploaded_png(fake)
    assert_sony_map(png)
    assert call.body["blocks"][0]["slack_file"] == {"id": file_id}
    # and Rivals brings the answer back in its place
    click(server, fake, button(call.body, "rivals_answer")["value"], "rivals_answer", name="back")
    [back] = fake.wait_for("response/back")
    assert back.body["replace_original"] is True
    blocks = json.dumps(back.body["blocks"])
    assert "Rivals and partners of Sony" in blocks and "Stadia" in blocks


def test_the_map_button_on_a_message_in_a_thread_posts_the_picture_there_linking_the_answer(server, fake):
    message = {"ts": "1700000000.000200", "thread_ts": "1700000000.000100", "text": "Rivals and partners of Sony"}
    click(server, fake, '{"c":"Sony","h":1}', "map_answer", ephemeral=False, message=message)
    _file_id, png = uploaded_png(fake)
    assert_sony_map(png)
    done = fake.of("files.completeUploadExternal")[0].body
    assert done["channel_id"] == "C1" and done["thread_ts"] == "1700000000.000100"
    assert "2 rivals and 1 partner" in done["initial_comment"]
    assert "<https://acme.slack.com/archives/C1/p1700000000.000200|the /rivals answer>" in done["initial_comment"]
    assert not fake.of("response/click")  # nothing to tell the asker


def test_share_in_channel_posts_the_map_for_everyone_and_removes_the_asker_s_copy(server, fake):
    reply = ask(server, fake, "Sony map")
    click(server, fake, button(reply, "share_map")["value"], "share_map", name="share")
    [deleted] = fake.wait_for("response/share")
    assert deleted.body == {"delete_original": True}
    shared = fake.of("files.completeUploadExternal")[1].body
    assert shared["channel_id"] == "C1" and "/rivals Sony" in shared["initial_comment"]
    assert len(fake.uploads) == 2


def test_a_company_not_in_the_store_uploads_nothing(server, fake):
    reply = ask(server, fake, "Zorblax map")
    assert "No company named 'Zorblax'" in reply["text"]
    assert not fake.of("files.getUploadURLExternal")


def test_an_upload_refused_is_an_apology_to_the_asker(server, fake):
    fake.fail_next("files.getUploadURLExternal", body={"ok": False, "error": "missing_scope"})
    reply = ask(server, fake, "Sony map")
    assert reply["response_type"] == "ephemeral" and "Sorry" in reply["text"]
    assert not fake.of("files.completeUploadExternal")


NO_PICTURE_LIBRARIES = """
import sys
from bot.answers import Answers
from bot.config import Secret, Settings
from bot.slack.app import create_app
from bot.slack.listeners.common import answer_payload
from bot.slack.pages import Question, Stash
from storage import Store
from tests.conftest import GAMING, save

store = Store(sys.argv[1])
save(store, GAMING)
answers = Answers(store)
settings = Settings(bot_token=Secret("xoxb-x"), signing_secret=Secret("s"), api_url="http://127.0.0.1:9/api/")
create_app(settings, answers)
payload = answer_payload(answers, Stash(), Question("rivals", "Sony", 5), share=True)
assert "map_answer" in str(payload), payload
answers.ask("who competes with Sony?")
import bot.cli
print(sorted(m for m in sys.modules if m.split(".")[0] in ("matplotlib", "networkx", "PIL", "numpy")))
"""


def test_starting_the_app_and_answering_imports_no_picture_library(tmp_path):
    """Cold start and the answer path pay nothing for the map: matplotlib, networkx (and numpy,
    Pillow, which they bring) are imported when a map is drawn, not before."""
    done = subprocess.run(
        [sys.executable, "-c", NO_PICTURE_LIBRARIES, str(tmp_path / "cold.db")],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "[]"
