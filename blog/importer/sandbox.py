"""Documents are converted in a child process, never in the web process itself: a document
that is slow or huge to convert (a zip bomb of a .docx, a Markdown table of a million cells)
can then cost at most the child's memory limit and time limit, and the web worker that waits
for it keeps its memory, stays within its own timeout and leaves the CPU to other requests
while it waits.

The children are forked from multiprocessing's fork server, which has Django and the importer
loaded (blog/importer_setup.py), so a conversion starts in milliseconds. The child gets the
upload's bytes and the limits; it asks the web process over the pipe about each link (the
web process resolves links against the database, which the child never touches) and sends
back the converted guide with its pictures' bytes, or the problem, as JSON (never a pickle:
the child has read untrusted input).
"""

import json
import logging
import multiprocessing
import resource
import time
import traceback
from dataclasses import asdict

# The submodules themselves, not the package: blog/importer/__init__.py imports this module.
import blog.importer.blocks as blocks
import blog.importer.formats as formats
from blog.importer.problem import ImportProblem

logger = logging.getLogger(__name__)

MB = 1024 * 1024
MAX_MESSAGE = 64 * MB  # far more than any guide's blocks
CONTEXT = multiprocessing.get_context("forkserver")
CONTEXT.set_forkserver_preload(["blog.importer_setup", "blog.importer.sandbox"])


def convert(*, name="", data=b"", html="", resolve_link, cta_page_id, limits):
    """The document (a file's `name` and `data`, or pasted `html`) as a blocks.Result,
    converted in a child process within `limits`. Raises ImportProblem for anything the
    editor should hear about, including a document that needs more memory or time."""
    parent_end, child_end = CONTEXT.Pipe()
    job = {"name": name, "data": data, "html": html, "cta_page_id": cta_page_id}
    try:
        process = CONTEXT.Process(target=child_main, args=(child_end, job, limits), daemon=True)
        process.start()
    except Exception as error:  # no fork server: say so rather than fail the request
        logger.exception("The guide importer could not start its child process")
        raise ImportProblem(
            "The import could not start. Try again in a minute; if it keeps failing, tell "
            "the site's developers."
        ) from error
    finally:
        child_end.close()
    try:
        return serve(process, parent_end, resolve_link, limits)
    finally:
        parent_end.close()
        process.join(timeout=2)
        if process.is_alive():
            process.kill()
            process.join()
        process.close()


def serve(process, conn, resolve_link, limits):
    """Answer the child's questions about links until it sends its answer, for at most the
    time limit."""
    deadline = time.monotonic() + limits.seconds
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0 or not conn.poll(remaining):
            process.kill()
            raise ImportProblem(
                f"This document took longer than {limits.seconds} seconds to convert, the "
                f"most an import may take, so it was stopped. {SMALLER}"
            )
        try:
            message = json.loads(conn.recv_bytes(MAX_MESSAGE))
        except (EOFError, OSError, ValueError):
            process.join(timeout=2)
            logger.warning("A guide import's child process ended (exit code %s)", process.exitcode)
            raise ImportProblem(memory_message(limits)) from None
        kind = message.get("kind")
        if kind == "link":
            conn.send_bytes(json.dumps(resolve_link(message["href"], message["text"])).encode())
        elif kind == "done":
            return blocks.Result(**message["result"])
        elif kind == "problem":
            raise ImportProblem(message["message"], message["field"])
        elif kind == "memory":
            raise ImportProblem(memory_message(limits))
        else:
            logger.error("A guide import failed in its child process:\n%s", message.get("error"))
            raise ImportProblem(
                "This document could not be converted. Open it in Word or Google Docs, save "
                "it again and import it once more, or paste its text below."
            )


SMALLER = "Split it into shorter guides, or simplify its tables and lists."


def memory_message(limits):
    return (
        f"Converting this document needed more than {limits.memory_mb} MB of memory, the "
        f"most an import may use, so it was stopped. {SMALLER}"
    )


# The child ----------------------------------------------------------------------------------


def child_main(conn, job, limits):
    limit_resources(limits)

    def ask_parent(href, text=""):
        conn.send_bytes(json.dumps({"kind": "link", "href": href, "text": text}).encode())
        answer = json.loads(conn.recv_bytes(MAX_MESSAGE))
        return tuple(answer) if answer else None

    cta_page_id = job["cta_page_id"]
    try:
        pictures, reading_notes = [], []
        source = formats.to_html(
            name=job["name"],
            data=job["data"],
            html=job["html"],
            limits=limits,
            pictures=pictures,
            notes=reading_notes,
        )
        del job  # the upload's bytes are not needed any more
        result = blocks.convert(
            source, resolve_link=ask_parent, cta_page_id=cta_page_id, pictures=len(pictures)
        )
        result.notes = reading_notes + result.notes
        # Only the pictures the blocks show go back (base64, in the JSON): the web process
        # adds them to the image library, as the child never touches the database.
        result.pictures = {
            str(block["value"]["image"]): pictures[block["value"]["image"]]
            for block in result.blocks
            if block["type"] == "image"
        }
        reply = {"kind": "done", "result": asdict(result)}
    except ImportProblem as problem:
        reply = {"kind": "problem", "message": str(problem), "field": problem.field}
    except MemoryError:
        reply = {"kind": "memory"}
    except Exception:
        reply = {"kind": "error", "error": traceback.format_exc()}
    conn.send_bytes(json.dumps(reply).encode())
    conn.close()


def limit_resources(limits):
    """The child's own ceilings: its address space (allocations beyond it fail with
    MemoryError) and its CPU time (a backstop to the web process's deadline), no core file."""
    memory = limits.memory_mb * MB
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    resource.setrlimit(resource.RLIMIT_CPU, (limits.seconds + 1, limits.seconds + 2))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
