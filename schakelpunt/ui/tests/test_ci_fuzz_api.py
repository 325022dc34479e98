"""The CI's schemathesis step (.ci/fuzz_api.py) fails on a server error and on testing nothing."""

import json

from schakelpunt.testing.scripts import load_script


def _module():
    return load_script(".ci/fuzz_api.py")


def _report(tmp_path, scenarios):
    path = tmp_path / "r.ndjson"
    lines = [json.dumps({"Initialize": {}})]
    for label, status, checks in scenarios:
        recorder = {"label": label, "checks": {"case1": [{"name": n, "status": s} for n, s in checks]}}
        lines.append(json.dumps({"ScenarioFinished": {"status": status, "recorder": recorder}}))
    path.write_text("\n".join(lines))
    return path


def test_a_server_error_fails_the_build(tmp_path):
    fuzz = _module()
    report = _report(
        tmp_path,
        [
            ("GET /api/v1/me", "failure", [("not_a_server_error", "failure"), ("positive_data_acceptance", "failure")]),
            ("GET /api/v1/signalen", "success", [("not_a_server_error", "success")]),
        ],
    )
    blocking = fuzz.judge("melder", *fuzz.failures(report))
    assert blocking == ["melder: GET /api/v1/me: not_a_server_error"]


def test_known_contract_gaps_alone_pass(tmp_path):
    fuzz = _module()
    report = _report(tmp_path, [("GET /api/v1/me", "failure", [("positive_data_acceptance", "failure")])])
    assert fuzz.judge("melder", *fuzz.failures(report)) == []


def test_an_undocumented_status_or_an_accepted_forbidden_input_fails_the_build(tmp_path):
    fuzz = _module()
    report = _report(
        tmp_path,
        [
            ("GET /api/v1/me", "failure", [("status_code_conformance", "failure")]),
            ("GET /api/v1/fenomenen", "failure", [("negative_data_rejection", "failure")]),
        ],
    )
    assert fuzz.judge("melder", *fuzz.failures(report)) == [
        "melder: GET /api/v1/fenomenen: negative_data_rejection",
        "melder: GET /api/v1/me: status_code_conformance",
    ]


def test_a_run_that_tested_nothing_fails(tmp_path):
    fuzz = _module()
    report = _report(tmp_path, [("GET /api/v1/me", "skip", [])])
    assert fuzz.judge("melder", *fuzz.failures(report)) == ["melder: nothing was tested"]


def test_a_dropped_connection_fails_but_a_tool_error_does_not(tmp_path):
    fuzz = _module()
    path = _report(tmp_path, [("GET /api/v1/me", "success", [("not_a_server_error", "success")])])
    events = [
        {"NonFatalError": {"label": "GET /api/v1/casussen", "value": {"type": "SystemError", "message": "AST"}}},
        {"NonFatalError": {"label": "GET /api/v1/me", "value": {"type": "ConnectionError", "message": "reset"}}},
    ]
    path.write_text(path.read_text() + "\n" + "\n".join(json.dumps(e) for e in events))
    blocking = fuzz.judge("melder", *fuzz.failures(path))
    assert blocking == ["melder: error: GET /api/v1/me: ConnectionError: reset"]
