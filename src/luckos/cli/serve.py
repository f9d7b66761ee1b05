"""`luck serve`: the dashboard, a local web face over the same application functions."""

from __future__ import annotations

import click

from luckos.cli.session import session


@click.command()
@click.option("--port", type=click.IntRange(0, 65535), default=8765, show_default=True,
              help="the port to listen on (0: any free port)")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="the address to bind; only loopback unless --allow-remote")
@click.option("--open", "open_browser", is_flag=True, help="open the page in a browser")
@click.option("--allow-remote", is_flag=True,
              help="allow a non-loopback --host (anyone who can reach it and has the "
                   "token sees your workspace)")
def serve(port: int, host: str, open_browser: bool, allow_remote: bool) -> None:
    """Serve the dashboard at http://127.0.0.1:8765 until Ctrl-C.

    The review, ledger, windows, themes, check, search, lists of every record kind and
    quick-add forms, each page with a JSON twin (add ?format=json): the same JSON as the
    matching command's --json. A random access token is printed in the address at start;
    the page keeps it in a cookie. Forms carry a CSRF token; requests for another Host
    are refused.
    """
    import importlib.util
    import socket

    from luckos.errors import LuckError
    from luckos.web.security import allowed_hosts, new_token, refuse_remote

    refuse_remote(host, allow_remote)
    for needed in ("uvicorn", "starlette", "jinja2"):  # found, not yet imported
        if importlib.util.find_spec(needed) is None:
            raise LuckError(f"luck serve needs {needed}: pip install -e . (reinstall luckos)")
    s = session()
    # opened now, so that a missing workspace is refused before the server starts; the
    # server's loop runs on this thread and serves every page with it
    ws = s.ws
    token = new_token()
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host.strip("[]"), port))
    except OSError as exc:
        raise LuckError(f"cannot listen on {host}:{port}: {exc.strerror}") from None
    sock.listen(128)  # connections wait in the backlog while the server starts
    bound = sock.getsockname()[1]
    shown = f"[{host}]" if ":" in host else host
    url = f"http://{shown}:{bound}/?token={token}"
    # the address as soon as it listens; the server's own modules load after it
    click.echo(f"luck serve: {url}", err=True)
    click.echo("luck serve: Ctrl-C to stop", err=True)
    import uvicorn

    from luckos.web.app import create_app

    app = create_app(s.home, token, allowed_hosts(host),
                     today=s.today if s._today_text else None, workspace=ws)
    if open_browser:
        import webbrowser

        webbrowser.open(url)
    config = uvicorn.Config(app, log_level="warning", access_log=False, lifespan="on")
    uvicorn.Server(config).run(sockets=[sock])
