"""`briefing user add|list|remove|passwd` and `briefing token add|list|remove`: who may use the
console and the API, kept in the ledger under state_dir."""

from __future__ import annotations

import getpass
import json
import re
import sys
from pathlib import Path

import click

from ..errors import UsageError
from .common import config_option, expected_failures

USER_NAME = r"^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$"
role_option = click.option("--role", "roles", multiple=True, metavar="ROLE", required=True,
                           help="viewer, editor, approver, operator or admin (repeatable).")


def cli_actor() -> str:
    """Who did it, in the audit log, when it was done from the command line."""
    try:
        return f"cli:{getpass.getuser()}"
    except (KeyError, OSError):
        return "cli"


def _ledger(config_path: Path | None):
    from ..config import load_config
    from ..ledger import Ledger

    return Ledger(load_config(config_path).state_dir)


def _check_name(name: str) -> str:
    if not re.match(USER_NAME, name):
        raise UsageError(f"{name!r}: a user name is letters, digits and . _ @ - (at most 64)")
    return name


def read_password(confirm: bool = True) -> str:
    """The new password: prompted for on a terminal, else the first line of standard input."""
    from ..web.auth import check_password_strength

    if sys.stdin.isatty():
        password = click.prompt("password", hide_input=True, confirmation_prompt=confirm)
    else:
        password = sys.stdin.readline().rstrip("\r\n")
    check_password_strength(password)
    return password


@click.group("user")
def user_group() -> None:
    """Console users and their roles."""


@user_group.command("add")
@click.argument("name")
@role_option
@click.option("--email", help="Where an approver is told that an issue waits for approval.")
@config_option
@expected_failures
def user_add(name: str, roles: tuple[str, ...], email: str | None, config_path: Path | None) -> None:
    """Add user NAME; the password comes from standard input (or a prompt on a terminal)."""
    from ..config import EMAIL_ADDRESS
    from ..web.auth import hash_password, parse_roles

    _check_name(name)
    chosen = parse_roles(roles)
    if email is not None and not re.match(EMAIL_ADDRESS, email):
        raise UsageError(f"--email {email!r}: not an e-mail address")
    password = read_password()
    with _ledger(config_path) as ledger:
        if not ledger.add_user(name, hash_password(password), chosen, email):
            raise UsageError(f"user {name!r} exists already; `briefing user passwd {name}` changes the password")
        ledger.audit(cli_actor(), "user add", None, f"{name}: {', '.join(chosen)}")
    click.echo(f"added {name} ({', '.join(chosen)})")


@user_group.command("list")
@config_option
@click.option("--json", "as_json", is_flag=True, help="Print the users as JSON.")
@expected_failures
def user_list(config_path: Path | None, as_json: bool) -> None:
    """Every user, their roles and e-mail address."""
    with _ledger(config_path) as ledger:
        users = ledger.users()
    if as_json:
        click.echo(json.dumps([{"name": u.name, "roles": list(u.roles), "email": u.email, "created_at": u.created_at}
                               for u in users], ensure_ascii=False, indent=2))
        return
    if not users:
        click.echo("no users yet; `briefing user add NAME --role ROLE` adds one")
    for user in users:
        click.echo(f"{user.name:20} {','.join(user.roles):30} {user.email or ''}".rstrip())


@user_group.command("remove")
@click.argument("name")
@config_option
@expected_failures
def user_remove(name: str, config_path: Path | None) -> None:
    """Remove user NAME and end their sessions."""
    with _ledger(config_path) as ledger:
        if not ledger.remove_user(name):
            raise UsageError(f"no user {name!r}; `briefing user list` shows them")
        ledger.audit(cli_actor(), "user remove", None, name)
    click.echo(f"removed {name}")


@user_group.command("passwd")
@click.argument("name")
@config_option
@expected_failures
def user_passwd(name: str, config_path: Path | None) -> None:
    """Set a new password for NAME (standard input, or a prompt); their sessions end."""
    from ..web.auth import hash_password

    with _ledger(config_path) as ledger:
        if ledger.user(name) is None:
            raise UsageError(f"no user {name!r}; `briefing user list` shows them")
        ledger.update_user(name, password_hash=hash_password(read_password()))
        ledger.audit(cli_actor(), "user passwd", None, name)
    click.echo(f"password of {name} changed")


@click.group("token")
def token_group() -> None:
    """API tokens (Authorization: Bearer TOKEN)."""


@token_group.command("add")
@click.argument("name")
@role_option
@config_option
@expected_failures
def token_add(name: str, roles: tuple[str, ...], config_path: Path | None) -> None:
    """Make an API token NAME and print it once: only its digest is kept."""
    from ..web.auth import digest, new_secret, parse_roles

    _check_name(name)
    chosen = parse_roles(roles)
    token = new_secret()
    with _ledger(config_path) as ledger:
        if not ledger.add_token(name, digest(token), chosen):
            raise UsageError(f"token {name!r} exists already; `briefing token remove {name}` first")
        ledger.audit(cli_actor(), "token add", None, f"{name}: {', '.join(chosen)}")
    click.echo(token)
    click.echo(f"briefing: token {name} ({', '.join(chosen)}): keep it now, it is not shown again", err=True)


@token_group.command("list")
@config_option
@expected_failures
def token_list(config_path: Path | None) -> None:
    """Every token's name, roles and last use (never the token)."""
    with _ledger(config_path) as ledger:
        tokens = ledger.tokens()
    for token in tokens:
        click.echo(f"{token.name:20} {','.join(token.roles):30} last used {token.last_used or 'never'}")


@token_group.command("remove")
@click.argument("name")
@config_option
@expected_failures
def token_remove(name: str, config_path: Path | None) -> None:
    """Revoke token NAME."""
    with _ledger(config_path) as ledger:
        if not ledger.remove_token(name):
            raise UsageError(f"no token {name!r}; `briefing token list` shows them")
        ledger.audit(cli_actor(), "token remove", None, name)
    click.echo(f"removed token {name}")
