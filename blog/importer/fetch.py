"""Pictures at https:// addresses (a Markdown file's `![Alt](https://…)`, Google Docs' copied
pictures), fetched by the web process once the document is converted, through the core's
guarded requests (apiwise/outbound.py: public addresses only, the checked address connected
to, timeouts, a few redirects each checked again, a size cap).

Why here and not in the child process that converts the document (sandbox.py): the child
has read untrusted input, and it only ever needs the bytes it is given; the web process
already makes the address checks the webhooks rely on. The pictures are fetched a few at a
time, all within settings.GUIDE_IMPORT_PICTURES_SECONDS, so that a slow server costs the
import that long at most. One that cannot be fetched gets the reason (pictures.py puts it in
the notes): never a placeholder."""

import base64
from concurrent.futures import ThreadPoolExecutor, wait

import urllib3
from django.conf import settings

from apiwise import outbound

AT_ONCE = 4
USER_AGENT = "APIwise-GuideImport/1.0"
WEB_PAGE_TYPES = ("text/html", "application/xhtml+xml")


def policy():
    seconds = settings.GUIDE_IMPORT_PICTURES_SECONDS
    return outbound.Policy(
        require_https=True,
        allow_private=settings.OUTBOUND_ALLOW_PRIVATE_ADDRESSES,
        connect_timeout=min(3, seconds),
        read_timeout=seconds,
        max_redirects=3,
        max_bytes=settings.GUIDE_IMPORT_PICTURE_MAX_MB * 1024 * 1024,
        ca_certs=settings.OUTBOUND_CA_BUNDLE,
        refusal="pictures are only fetched from public addresses",
    )


def fetch_remote(result):
    """Each picture of `result` (a blocks.Result) that is an address becomes its bytes, or
    the reason it could not be fetched ("problem"). The pictures beyond the most an import
    fetches are not tried."""
    wanted = [picture for picture in result.pictures.values() if picture.get("url")]
    most = settings.GUIDE_IMPORT_MAX_REMOTE_PICTURES
    for picture in wanted[most:]:
        picture["problem"] = (
            f"the document links to more than {most} pictures, the most an import fetches."
        )
    wanted = wanted[:most]
    if not wanted:
        return
    rules = policy()
    executor = ThreadPoolExecutor(max_workers=AT_ONCE)
    try:
        jobs = {executor.submit(fetch_one, picture["url"], rules): picture for picture in wanted}
        done, _late = wait(jobs, timeout=settings.GUIDE_IMPORT_PICTURES_SECONDS + 1)
        for job, picture in jobs.items():
            answer = job.result() if job in done else {"problem": took_too_long()}
            picture.update(answer)
            picture.pop("url")
    finally:
        executor.shutdown(wait=False, cancel_futures=True)


def took_too_long():
    return (
        f"its address did not answer within {settings.GUIDE_IMPORT_PICTURES_SECONDS} "
        "seconds, the time the import gives its pictures."
    )


def fetch_one(url, rules):
    """{"content_type", "data" (base64)} or {"problem"}; never raises."""
    try:
        response = outbound.request("GET", url, rules, headers={"User-Agent": USER_AGENT})
    except outbound.UnsafeURL as error:
        return {"problem": f"its address was refused: {lowered(str(error))}"}
    except outbound.HostNotFound:
        return {"problem": "its address's host name could not be found."}
    except outbound.TooLarge:
        mb = settings.GUIDE_IMPORT_PICTURE_MAX_MB
        return {"problem": f"it is larger than {mb} MB, the most a picture may be."}
    except outbound.TooManyRedirects:
        return {"problem": "its address redirects too many times."}
    except urllib3.exceptions.TimeoutError:
        return {"problem": took_too_long()}
    except (urllib3.exceptions.HTTPError, OSError):
        return {"problem": "its address could not be reached."}
    if response.status != 200:
        why = {404: " (not found)", 403: " (forbidden)", 410: " (gone)"}.get(response.status, "")
        return {"problem": f"its address answered {response.status}{why}, not the picture."}
    content_type = response.headers.get("Content-Type", "").split(";")[0].strip().lower()
    if content_type in WEB_PAGE_TYPES or content_type.startswith("text/"):
        return {"problem": f"its address gives a web page ({content_type}), not a picture."}
    return {"content_type": content_type, "data": base64.b64encode(response.body).decode()}


def lowered(message):
    message = message[:1].lower() + message[1:]
    return message if message.endswith(".") else f"{message}."
