#!/usr/bin/env python3
"""Fills a running mock with tenants, each with its user's space and rooms, the way a suite of tests
would: POST /_mock/tenants, the password grant, createSpace, createRoom x N. Stops adding tenants once
the mock refuses them (409 past --max-tenants or --data-bytes) and keeps count of every answer.

    bench/tenants.py BASE_URL [tenants the mock should hold, built-in ones included (10000)] [rooms each (10)]
        [connections (4)]

Prints one line of counts per status and the rate; exits 1 if any answer was a 5xx or a request failed.
Only talks to the BASE_URL given (the benchmarks pass 127.0.0.1).
"""
import collections
import http.client
import json
import sys
import threading
import time
import urllib.parse

base = urllib.parse.urlsplit(sys.argv[1])
TOTAL = int(sys.argv[2]) if len(sys.argv) > 2 else 10_000
ROOMS = int(sys.argv[3]) if len(sys.argv) > 3 else 10
CONNECTIONS = int(sys.argv[4]) if len(sys.argv) > 4 else 4

counts = collections.Counter()
lock = threading.Lock()
next_tenant = [0]
refused = threading.Event()
failures = []


def call(conn, method, path, body=None, token=None):
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = "Bearer " + token
    conn.request(method, path, body=None if body is None else json.dumps(body), headers=headers)
    response = conn.getresponse()
    data = response.read()
    with lock:
        counts[response.status] += 1
    return response.status, data


def worker():
    conn = http.client.HTTPConnection(base.hostname, base.port, timeout=60)
    while not refused.is_set():
        with lock:
            if next_tenant[0] >= TOTAL:
                return
            next_tenant[0] += 1
        try:
            status, data = call(conn, "POST", "/_mock/tenants", {})
            if status == 409:
                refused.set()   # full: every further tenant would be refused too
                return
            if status != 201:
                continue
            tenant = json.loads(data)
            user = tenant["user"]
            status, data = call(conn, "POST", "/v1/auth/token", {
                "grant_type": "password", "client_id": tenant["clientId"], "client_secret": tenant["clientSecret"],
                "username": user["email"], "password": user["password"]})
            if status != 200:
                continue
            token = json.loads(data)["access_token"]
            status, data = call(conn, "POST", "/v1/spaces", {"name": "bench"}, token)
            if status != 201:
                continue
            space = json.loads(data)["id"]
            for i in range(ROOMS):
                call(conn, "POST", "/v1/spaces/%s/rooms" % space, {"name": "room %d" % i, "type": "lesson"}, token)
        except (OSError, http.client.HTTPException, ValueError) as e:
            with lock:
                failures.append(repr(e))
            conn.close()
            conn = http.client.HTTPConnection(base.hostname, base.port, timeout=60)


def tenant_count():
    c = http.client.HTTPConnection(base.hostname, base.port, timeout=60)
    c.request("GET", "/_mock/tenants")
    return json.loads(c.getresponse().read())["total"]


next_tenant[0] = tenant_count()   # the built-in ones count: TOTAL is what the mock holds at the end
started = time.time()
threads = [threading.Thread(target=worker) for _ in range(CONNECTIONS)]
for t in threads:
    t.start()
for t in threads:
    t.join()
elapsed = time.time() - started
tenants = tenant_count()
answers = sum(counts.values())
print("tenants: %d in the mock (asked for %d, %d rooms each); answers: %s; %d requests in %.1f s (%.0f/s); "
      "failed requests: %d" % (tenants, TOTAL, ROOMS, ", ".join("%d x %d" % (n, s) for s, n in sorted(counts.items())),
                               answers, elapsed, answers / elapsed, len(failures)))
for f in failures[:5]:
    print("  " + f)
sys.exit(1 if failures or any(s >= 500 for s in counts) else 0)
