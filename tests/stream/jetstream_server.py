#!/usr/bin/python3
"""A loopback stand-in for Bluesky's Jetstream, for the streaming tier's tests.

Serves the events of a JSON-lines file over WebSocket, as Jetstream does: a
`cursor=<time_us>` query parameter replays from the first event whose time_us
is at or after it. Each connection's request path is appended to --log, so a
test can see which cursor a publisher asked for. After the last event the
server closes the connection normally (code 1000).

    jetstream_server.py --events jetstream.jsonl --port 6008 --log paths.txt --pause 0.2
"""
import argparse
import asyncio
import json
import urllib.parse

import websockets


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--events", required=True)
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--log", required=True)
    parser.add_argument("--pause", type=float, default=0.0, help="seconds between events")
    arguments = parser.parse_args()

    with open(arguments.events, encoding="utf-8") as file:
        events = [line.rstrip("\n") for line in file if line.strip()]
    times = [json.loads(event)["time_us"] for event in events]

    async def serve(websocket, path):
        with open(arguments.log, "a", encoding="utf-8") as log:
            log.write(path + "\n")
        query = urllib.parse.parse_qs(urllib.parse.urlparse(path).query)
        cursor = int(query["cursor"][0]) if "cursor" in query else None
        for event, time_us in zip(events, times):
            if cursor is not None and time_us < cursor:
                continue
            await websocket.send(event)
            if arguments.pause:
                await asyncio.sleep(arguments.pause)
        await websocket.close(code=1000, reason="end of events")

    async def run():
        async with websockets.serve(serve, "127.0.0.1", arguments.port):
            print("ready", flush=True)
            await asyncio.Future()

    asyncio.run(run())


if __name__ == "__main__":
    main()
