"""`newsbot run` without tokens says what is missing and where to get it."""

import pytest

from bot.cli import main


@pytest.mark.parametrize(
    ("args", "missing"), [(["run"], "SLACK_APP_TOKEN"), (["run", "--http"], "SLACK_SIGNING_SECRET")]
)
def test_run_without_tokens_explains_and_points_to_chat(tmp_path, monkeypatch, capsys, args, missing):
    monkeypatch.chdir(tmp_path)
    for name in ("SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "SLACK_SIGNING_SECRET"):
        monkeypatch.delenv(name, raising=False)
    assert main(args) == 2
    err = capsys.readouterr().err
    assert "SLACK_BOT_TOKEN" in err and missing in err
    assert "manifest.yaml" in err and "newsbot chat" in err


def test_redact_hides_tokens_and_secrets():
    import logging

    from bot.slack.redact import Redact

    record = logging.LogRecord(
        "x", logging.INFO, "f", 1, "token %s secret %s", ("xoxb-123-456-abc", "s3cr3t-value"), None
    )
    Redact(["s3cr3t-value"]).filter(record)
    assert record.getMessage() == "token [redacted] secret [redacted]"
