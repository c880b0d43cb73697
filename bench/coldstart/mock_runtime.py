"""A mock of the AWS Lambda Runtime API (the part a cold start uses), for bench/coldstart/coldstart.py.

It hands out exactly one event on GET /2018-06-01/runtime/invocation/next and records when the function
posts its answer (or an error). A second GET .../next is held open: by then the driver kills the process,
as Lambda would freeze it. Under SnapStart (AWS_LAMBDA_INITIALIZATION_TYPE=snap-start) the runtime interface
client first runs the functions' beforeCheckpoint hooks, then asks GET /2018-06-01/runtime/restore/next, which is
where Lambda takes the snapshot: it is answered at once (restored_at), as after a restore, and the client goes on
with its afterRestore hooks and the first GET .../invocation/next.
"""

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PREFIX = "/2018-06-01/runtime"


class MockRuntime:
    def __init__(self, event: bytes, request_id: str = "bench-request-1",
                 function_arn: str = "arn:aws:lambda:eu-west-1:000000000000:function:bench",
                 deadline_seconds: int = 300):
        self.event = event
        self.request_id = request_id
        self.function_arn = function_arn
        self.deadline_seconds = deadline_seconds
        self.served_at = None  # when the runtime first asked for an event: the function's init is over
        self.restored_at = None  # SnapStart: when the runtime asked for its restore (the snapshot point)
        self.answered_at = None  # when the function posted the response (or an error)
        self.status = None  # "response", "invocation-error" or "init-error"
        self.body = None
        self.done = threading.Event()
        self._served = False
        self._lock = threading.Lock()
        runtime = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def _read_body(self):
                length = int(self.headers.get("Content-Length") or 0)
                if length:
                    return self.rfile.read(length)
                if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
                    chunks = []
                    while True:
                        size = int(self.rfile.readline().strip() or b"0", 16)
                        if size == 0:
                            self.rfile.readline()
                            return b"".join(chunks)
                        chunks.append(self.rfile.read(size))
                        self.rfile.readline()
                return b""

            def _answer(self, code, body=b"{}", headers=None):
                self.send_response(code)
                for k, v in (headers or {}).items():
                    self.send_header(k, v)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def do_GET(self):
                if self.path == PREFIX + "/restore/next":
                    runtime.restored_at = runtime.restored_at or time.time()
                    return self._answer(200, b"")
                if self.path != PREFIX + "/invocation/next":
                    return self._answer(404)
                with runtime._lock:
                    first = not runtime._served
                    runtime._served = True
                    if first:
                        runtime.served_at = time.time()
                if not first:
                    runtime.done.wait(600)  # held open: the process gets killed meanwhile
                    time.sleep(600)
                    return
                deadline_ms = int((time.time() + runtime.deadline_seconds) * 1000)
                self._answer(200, runtime.event, {
                    "Lambda-Runtime-Aws-Request-Id": runtime.request_id,
                    "Lambda-Runtime-Deadline-Ms": str(deadline_ms),
                    "Lambda-Runtime-Invoked-Function-Arn": runtime.function_arn,
                    "Lambda-Runtime-Trace-Id": "Root=1-00000000-000000000000000000000000;Sampled=0",
                })

            def do_POST(self):
                body = self._read_body()
                now = time.time()
                if self.path == PREFIX + "/invocation/%s/response" % runtime.request_id:
                    status = "response"
                elif self.path == PREFIX + "/invocation/%s/error" % runtime.request_id:
                    status = "invocation-error"
                elif self.path in (PREFIX + "/init/error", PREFIX + "/restore/error"):
                    status = "init-error"
                else:
                    return self._answer(404)
                self._answer(202, b'{"status":"OK"}')
                if runtime.answered_at is None:
                    runtime.answered_at = now
                    runtime.status = status
                    runtime.body = body
                    runtime.done.set()

        class Server(ThreadingHTTPServer):
            def handle_error(self, request, client_address):
                pass  # the killed function resets its held-open connection: expected

        self.server = Server(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()


if __name__ == "__main__":
    # manual use: python3 mock_runtime.py '<event json>' then point AWS_LAMBDA_RUNTIME_API at the port printed
    import sys

    with MockRuntime(sys.argv[1].encode()) as rt:
        print("AWS_LAMBDA_RUNTIME_API=127.0.0.1:%d" % rt.port, flush=True)
        rt.done.wait()
        print(json.dumps({"status": rt.status, "body": rt.body.decode(errors="replace")}))
