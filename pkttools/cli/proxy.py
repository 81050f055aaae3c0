"""`pkttools proxy SERVICE --listen [HOST:]PORT --upstream HOST:PORT`: a live proxy that prints
every packet of both directions as it forwards it, the rows of `pkttools capture` with the
action taken (forwarded, edited, dropped, injected). TCP services are proxied per connection,
UDP ones (FFXI's world server, given its session key with --key) per client address.

Other tools are written against this interface: the line `listening on HOST:PORT` goes to
stderr once connections are accepted; SIGINT and SIGTERM stop the proxy with the rows flushed
and the --save file complete, exit status 0. Everything else on stderr is `pkttools: ...`
lines about connections, redirects and hook failures.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from typing import Any

from ..errors import UsageError
from .packets import add_enums_option
from .status import EXIT_OK


def register(sub: Any) -> None:
    """Add the `proxy` command to the command line's sub-parsers."""
    p = sub.add_parser("proxy", help="proxy a game service live: print every packet both ways "
                       "as forwarded, follow server redirects, edit with a hook, save pcapng")
    p.add_argument("service", metavar="SERVICE", help="the service, e.g. tmw.login")
    p.add_argument("--listen", required=True, metavar="[HOST:]PORT",
                   help="where clients connect (HOST defaults to 127.0.0.1; port 0: any free "
                        "port, see the `listening on` line)")
    p.add_argument("--upstream", required=True, metavar="HOST:PORT",
                   help="the real server the connections go to")
    p.add_argument("--hook", metavar="FILE.py",
                   help="a Python file defining on_packet(packet, conn): None forwards the "
                        "packet, plain data, a Packet or bytes replace it, [] drops it, a list "
                        "sends several")
    p.add_argument("--format", choices=("table", "jsonl"), default="table",
                   help="table (default): a row per item; jsonl: every item with all fields, "
                        "its action, and the original of an edited or dropped packet")
    p.add_argument("--key", action="append", default=[], metavar="SERVICE=KEY",
                   help="the key of an encrypted service, as `capture` takes it: "
                        "ffxi.world=<40 hex digits> gives FFXI's 20-byte session key "
                        "(PangYa's comes from the hello)")
    add_enums_option(p)
    p.add_argument("--save", metavar="FILE.pcapng",
                   help="write the traffic as forwarded (what each side received) as pcapng, "
                        "one TCP connection per proxied connection (UDP: the datagrams of "
                        "each client address)")
    p.set_defaults(run=cmd_proxy)


def split_address(text: str, option: str, *, host_optional: bool) -> tuple[str, int]:
    """`HOST:PORT`, `[v6]:PORT`, or (when allowed) `PORT` alone -> (host, port)."""
    text = text.strip()
    host, sep, port = text.rpartition(":")
    if not sep:
        if not host_optional:
            raise UsageError(f"{option} {text!r}: expected HOST:PORT")
        host, port = "127.0.0.1", text
    if host.startswith("[") and host.endswith("]"):
        host = host[1:-1]
    try:
        number = int(port)
    except ValueError:
        raise UsageError(f"{option} {text!r}: the port is not a number") from None
    if not 0 <= number < 65536 or (number == 0 and not host_optional):
        raise UsageError(f"{option} {text!r}: port {number} is out of range")
    if not host and not host_optional:
        raise UsageError(f"{option} {text!r}: expected HOST:PORT")
    return host, number


def cmd_proxy(args: argparse.Namespace) -> int:
    import asyncio

    from ..proxy.hooks import load_hook

    listen = split_address(args.listen, "--listen", host_optional=True)
    upstream = split_address(args.upstream, "--upstream", host_optional=False)
    hook = load_hook(args.hook) if args.hook else None
    return asyncio.run(_serve(args, listen, upstream, hook))


async def _serve(args: argparse.Namespace, listen: tuple[str, int],
                 upstream: tuple[str, int], hook: Any) -> int:
    import asyncio
    import signal
    import time

    from ..codec.plain import with_enums
    from ..proxy.server import Proxy
    from ..session.connection import address
    from .rows import PROXY_HEADERS, capture_line, proxy_row

    out = sys.stdout
    started = time.time()
    actions: Counter[str] = Counter()

    def report(item: Any) -> None:
        actions[item.action] += 1
        if args.format == "jsonl":
            out.write(json.dumps(with_enums(item.to_dict(), args.enums), ensure_ascii=False)
                      + "\n")
        else:
            out.write(capture_line(proxy_row(item, started)) + "\n")
        out.flush()  # a row is out as soon as its packet is

    def note(text: str) -> None:
        print(f"pkttools: {text}", file=sys.stderr, flush=True)

    keys = _keys(args.key)
    proxy = Proxy(args.service, listen, upstream, hook=hook, save=args.save, report=report,
                  note=note, key=keys.get(args.service))
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    try:
        bound = await proxy.start()
    except OSError as exc:
        proxy.recorder.close()
        raise UsageError(f"--listen {args.listen}: cannot listen: "
                         f"{exc.strerror or exc}") from None
    if args.format == "table":
        out.write(capture_line(PROXY_HEADERS) + "\n")
        out.flush()
    print(f"listening on {address(bound)}", file=sys.stderr, flush=True)
    await stop.wait()
    await proxy.stop()
    out.flush()
    done = ", ".join(f"{actions[a]} {a}" for a in ("forwarded", "edited", "dropped", "injected")
                     if actions[a])
    print(f"pkttools: proxy stopped: {proxy.count} connection(s), "
          f"{sum(actions.values())} item(s){': ' + done if done else ''}"
          + (f"; saved {args.save}" if args.save else ""), file=sys.stderr)
    return EXIT_OK


def _keys(specs: list[str]) -> dict[str, Any]:
    """`--key SERVICE=KEY` options -> {service: key as its layer takes it}, as `capture`
    reads them."""
    from ..capture.decrypt import layer_of, parse_keys
    from ..capture.ports import PortMap

    services = PortMap()
    return parse_keys(specs, services.service_name,
                      lambda service: layer_of(services.protocols(service)))
