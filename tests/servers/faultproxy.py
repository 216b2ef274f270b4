"""A fault-injecting TCP relay on 127.0.0.1, between replywatch and Dovecot.

Plays the faults of a bad network or a failing server, on demand from the test:
a reset in the middle of a FETCH or of an IDLE, ``* BYE`` then a close, a peer that
goes silent with the connection open, a slow peer, and a server restart on the same
port. It counts connections: in total, open now, and the most open at once.
"""

from __future__ import annotations

import contextlib
import select
import socket
import struct
import threading
import time
from types import TracebackType
from typing import Self


def _reset(sock: socket.socket) -> None:
    """Close with an RST instead of a FIN (SO_LINGER 0)."""
    with contextlib.suppress(OSError):
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        sock.close()


class FaultProxy:
    """Relay ``127.0.0.1:port`` to ``target``. Use as a context manager.

    ``silent`` stops forwarding both ways (connections stay open, new ones are
    accepted and hear nothing); ``slow`` forwards server bytes one small chunk at a
    time with a pause between; ``reset_on(b"FETCH")`` resets every connection when
    the server next sends those bytes (after forwarding half of that chunk).
    """

    def __init__(self, target: tuple[str, int]) -> None:
        self.target = target
        self.host = "127.0.0.1"
        self.silent = threading.Event()
        self.slow = threading.Event()
        self.total = 0
        self.open = 0
        self.most_open = 0
        self._reset_on: bytes | None = None
        self.reset_done = threading.Event()
        self._lock = threading.Lock()
        self._pairs: list[tuple[socket.socket, socket.socket]] = []
        self._listener: socket.socket | None = None
        self._stopped = threading.Event()
        with socket.socket() as probe:
            probe.bind((self.host, 0))
            self.port = probe.getsockname()[1]

    # -- lifecycle --------------------------------------------------------------------

    def start(self) -> None:
        """Listen on ``port`` (the same port after a ``down()``)."""
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind((self.host, self.port))
        listener.listen(16)
        self._listener = listener
        self._stopped.clear()
        threading.Thread(target=self._accept, args=(listener,), daemon=True).start()

    def down(self) -> None:
        """Stop listening and reset every connection: the server is gone."""
        listener, self._listener = self._listener, None
        self._stopped.set()
        if listener is not None:
            with contextlib.suppress(OSError):
                listener.shutdown(socket.SHUT_RDWR)
            listener.close()
        self.reset_all()

    def __enter__(self) -> Self:
        self.start()
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.down()

    # -- faults -------------------------------------------------------------------------

    def reset_all(self) -> None:
        """Reset every open connection, both sides."""
        with self._lock:
            pairs, self._pairs = self._pairs, []
        for client, server in pairs:
            _reset(client)
            _reset(server)

    def bye_all(self) -> None:
        """Send ``* BYE`` to every client, then close both sides (FIN)."""
        with self._lock:
            pairs, self._pairs = self._pairs, []
        for client, server in pairs:
            with contextlib.suppress(OSError):
                client.sendall(b"* BYE Server shutting down for a test\r\n")
            for sock in (client, server):
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)
                sock.close()

    def reset_on(self, marker: bytes) -> None:
        """Reset every connection when the server next sends ``marker``."""
        self.reset_done.clear()
        self._reset_on = marker

    # -- relay --------------------------------------------------------------------------

    def _accept(self, listener: socket.socket) -> None:
        while not self._stopped.is_set():
            try:
                client, _ = listener.accept()
            except OSError:
                return
            try:
                server = socket.create_connection(self.target, timeout=5)
            except OSError:
                _reset(client)
                continue
            with self._lock:
                self._pairs.append((client, server))
                self.total += 1
                self.open += 1
                self.most_open = max(self.most_open, self.open)
            threading.Thread(target=self._relay, args=(client, server), daemon=True).start()

    def _relay(self, client: socket.socket, server: socket.socket) -> None:
        try:
            while True:
                if self.silent.is_set():
                    time.sleep(0.05)  # holding the bytes back is this mode's whole job
                    if client.fileno() == -1 or server.fileno() == -1:
                        return
                    continue
                ready, _, _ = select.select([client, server], [], [], 0.1)
                for sock in ready:
                    data = sock.recv(65536)
                    if not data:
                        return
                    if sock is server:
                        self._to_client(client, server, data)
                    else:
                        server.sendall(data)
        except (OSError, ValueError):
            return
        finally:
            with self._lock:
                self.open -= 1
                if (client, server) in self._pairs:
                    self._pairs.remove((client, server))
            for sock in (client, server):
                with contextlib.suppress(OSError):
                    sock.close()

    def _to_client(self, client: socket.socket, server: socket.socket, data: bytes) -> None:
        marker = self._reset_on
        if marker is not None and marker in data:
            self._reset_on = None
            client.sendall(data[: max(1, data.index(marker) + len(marker) // 2)])
            self.reset_all()
            self.reset_done.set()
            raise OSError("reset by the test")
        if self.slow.is_set():
            for at in range(0, len(data), 64):
                client.sendall(data[at:at + 64])
                time.sleep(0.01)  # a slow link: 6 KB/s
            return
        client.sendall(data)
