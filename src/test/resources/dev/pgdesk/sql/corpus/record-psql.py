#!/usr/bin/env python3
"""Re-record the psql oracle for the corpus: NN-name.sql -> NN-name.psql.json.

Runs each script through psql against a server whose csvlog records every statement
(see README.md for the server settings), then keeps, in log order, for the rows whose
application_name is unique to that run:
  - the text after "statement: " of LOG rows (log_statement = 'all'), and
  - the query column of ERROR rows for statements that failed before log_statement could
    log them (lexer/grammar errors: the server logs no "statement:" row for those; it needs
    log_min_error_statement = error). An ERROR row repeating the statement just logged is skipped.
The same rules are implemented by src/test/java/dev/pgdesk/testing/StatementLog.java.

Usage: record-psql.py LOG_DIR [PSQL_CONNINFO_ARGS...]    e.g.
    python3 record-psql.py /var/lib/postgresql/corpus-log -p 5499 -d corpus
Only the Python standard library is used.
"""
import csv
import glob
import json
import os
import subprocess
import sys
import time

SESSION_COLUMN = 5
COMMAND_TAG_COLUMN = 7
SEVERITY_COLUMN = 11
MESSAGE_COLUMN = 13
QUERY_COLUMN = 19
APP_NAME_COLUMN = 22   # application_name in csvlog, PostgreSQL 9.0 .. 18


def log_rows(log_dir):
    for path in sorted(glob.glob(os.path.join(log_dir, "*.csv"))):
        with open(path, newline="", encoding="utf-8") as f:
            yield from csv.reader(f)


def wait_for(log_dir, app_name, timeout=10.0):
    deadline = time.time() + timeout
    while time.time() < deadline:
        if any(len(r) > APP_NAME_COLUMN and r[APP_NAME_COLUMN] == app_name for r in log_rows(log_dir)):
            return
        time.sleep(0.2)
    raise SystemExit("marker %s never reached the log" % app_name)


def statements(log_dir, app):
    sent, last_logged = [], {}
    for r in log_rows(log_dir):
        if len(r) <= APP_NAME_COLUMN or r[APP_NAME_COLUMN] != app:
            continue
        session, severity, message = r[SESSION_COLUMN], r[SEVERITY_COLUMN], r[MESSAGE_COLUMN]
        if severity == "LOG" and message.startswith("statement: "):
            sent.append(message[len("statement: "):])
            last_logged[session] = sent[-1]
        elif severity == "ERROR" and r[QUERY_COLUMN]:
            tag = r[COMMAND_TAG_COLUMN]
            failed_unlogged = tag.startswith("idle") or tag in ("PARSE", "BIND")
            if not failed_unlogged and last_logged.get(session) == r[QUERY_COLUMN]:
                last_logged[session] = None   # the error of the statement just logged
            else:
                sent.append(r[QUERY_COLUMN])
                last_logged[session] = None
    return sent


def main():
    log_dir, conn = sys.argv[1], sys.argv[2:]
    here = os.path.dirname(os.path.abspath(__file__))
    env = dict(os.environ, PGCLIENTENCODING="UTF8", PGOPTIONS="", LC_MESSAGES="C")
    for script in sorted(glob.glob(os.path.join(here, "[0-9][0-9]-*.sql"))):
        stem = os.path.basename(script)[:-4]
        app = "corpus%s-%d" % (stem[:2], time.time() * 1000)
        run = subprocess.run(
            ["psql", "-X", "-q", "-v", "ON_ERROR_STOP=0"] + conn + ["-f", script],
            env=dict(env, PGAPPNAME=app), capture_output=True, text=True)
        # a second connection marks the end: once it is in the log, so is everything before it
        subprocess.run(["psql", "-X", "-q", "-At"] + conn + ["-c", "select 1"],
                       env=dict(env, PGAPPNAME=app + "-end"), check=True, capture_output=True)
        wait_for(log_dir, app + "-end")
        sent = statements(log_dir, app)
        out = os.path.join(here, stem + ".psql.json")
        text = json.dumps(sent, ensure_ascii=False, indent=2) + "\n"
        assert json.loads(text) == sent
        with open(out, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
        errors = [l for l in run.stderr.splitlines() if "ERROR:" in l or "invalid command" in l]
        print("%-40s %3d statements, %2d errors, psql exit %d" % (stem, len(sent), len(errors), run.returncode))
        for line in errors:
            print("    " + line)


if __name__ == "__main__":
    main()
