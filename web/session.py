"""Sign-in for the page's write actions: one of NEWSDESK_API_KEYS, a signed session cookie, CSRF tokens.

The cookie is signed with NEWSDESK_SECRET_KEY, or with a key generated once and kept beside the
store (`var/secret_key` by default) so sessions survive restarts and every worker shares it.
Every form post of the pages carries the session's CSRF token; a post without it is a 400.
"""

from __future__ import annotations

import hmac
import os
import secrets
from collections.abc import Callable
from functools import wraps
from typing import Any
from urllib.parse import urlsplit

from flask import (
    Blueprint,
    Flask,
    abort,
    current_app,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from werkzeug.wrappers import Response

from core.settings import Settings

blueprint = Blueprint("session", __name__)

CSRF_FIELD = "csrf_token"


def secret_key(settings: Settings) -> str:
    """The configured secret, or the one generated under the store's folder (created on first use)."""
    if settings.secret_key:
        return settings.secret_key
    path = settings.chroma_path.parent / "secret_key"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        draft = path.with_name(f".secret_key.{os.getpid()}.{secrets.token_hex(4)}")
        fd = os.open(draft, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as out:
            out.write(secrets.token_hex(32))
        try:
            # A link appears whole or not at all: of several workers starting at once, the first wins
            # and the others read its key, never a half-written file.
            os.link(draft, path)
        except FileExistsError:
            pass
        finally:
            draft.unlink()
    return path.read_text().strip()


def init_app(app: Flask, settings: Settings) -> None:
    """Configure the signed session cookie and offer `csrf_token()` and `signed_in()` to templates."""
    app.secret_key = secret_key(settings)
    app.config.update(
        SESSION_COOKIE_NAME="newsdesk_session", SESSION_COOKIE_HTTPONLY=True, SESSION_COOKIE_SAMESITE="Lax"
    )
    app.jinja_env.globals.update(csrf_token=csrf_token, signed_in=signed_in)
    app.register_blueprint(blueprint)


def csrf_token() -> str:
    """This session's CSRF token, created on first use."""
    if CSRF_FIELD not in session:
        session[CSRF_FIELD] = secrets.token_urlsafe(32)
    return str(session[CSRF_FIELD])


def check_csrf() -> None:
    """400 unless the form carries this session's CSRF token."""
    expected = session.get(CSRF_FIELD)
    given = request.form.get(CSRF_FIELD, "")
    if not expected or not hmac.compare_digest(str(expected).encode(), given.encode()):
        abort(400, description="This form has expired or did not come from this site. Reload the page and try again.")


def writes_enabled() -> bool:
    return bool(current_app.extensions["newsdesk"].settings.api_key_set)


def signed_in() -> bool:
    return bool(session.get("signed_in")) and writes_enabled()


def sign_in_required(view: Callable[..., Any]) -> Callable[..., Any]:
    """Send a reader who is not signed in to the sign-in page, and back here afterwards."""

    @wraps(view)
    def wrapped(*args: Any, **kwargs: Any) -> Any:
        if not signed_in():
            return redirect(url_for("session.sign_in", next=request.full_path.rstrip("?")))
        return view(*args, **kwargs)

    return wrapped


def _local(target: str | None) -> str:
    """Only a path on this site is a place to go back to (no open redirect)."""
    parts = urlsplit(target or "")
    if not target or parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return url_for("adding.add_articles")
    return target


@blueprint.route("/signin", methods=["GET", "POST"])
def sign_in() -> str | Response | tuple[str, int]:
    """The sign-in form; a post with one of NEWSDESK_API_KEYS signs the browser in."""
    next_page = _local(request.values.get("next"))
    if request.method == "GET" or not writes_enabled():
        return render_template("signin.html", next=next_page, enabled=writes_enabled())
    check_csrf()
    supplied = request.form.get("key", "").strip().encode()
    keys = current_app.extensions["newsdesk"].settings.api_key_set
    # Compare against every key in constant time, so timing does not reveal how much matched.
    if not any([hmac.compare_digest(supplied, key.encode()) for key in keys]):
        return render_template("signin.html", next=next_page, enabled=True, failed=True), 401
    session.clear()
    session["signed_in"] = True
    csrf_token()  # a fresh token for the new session
    return redirect(next_page)


@blueprint.post("/signout")
def sign_out() -> Response:
    """Forget the sign-in."""
    check_csrf()
    session.clear()
    return redirect(url_for("form.index"))
