#!/usr/bin/env bash
# Runs a service image built by ./bridgeway images where there is no container engine, to check
# the image itself: its layers unpacked into a root of their own, its entrypoint run as its user
# (65532) in new mount and process namespaces with /proc, on the host's network. Needs root and
# Linux (unshare, chroot). Environment variables for the service follow the tarball:
#   deploy/images/run-without-docker.sh referral-service/target/jib-image.tar BRIDGEWAY_MONGO_URI=mongodb://localhost:27017 ...
set -euo pipefail

IMAGE="$(readlink -f "$1")"; shift
[ "$(id -u)" = 0 ] || { echo "run-without-docker: needs root (chroot and namespaces)" >&2; exit 1; }
ROOTFS="$(mktemp -d)"
trap 'rm -rf "$ROOTFS" "$ROOTFS.oci"' EXIT
mkdir -p "$ROOTFS.oci" && tar -xf "$IMAGE" -C "$ROOTFS.oci"

# The image's manifest gives its layers in order and its configuration (entrypoint, user, environment).
read -r -a SETTINGS < <(python3 - "$ROOTFS.oci" "$ROOTFS" <<'PY'
import json, subprocess, sys, shlex
oci, root = sys.argv[1], sys.argv[2]
blob = lambda digest: f"{oci}/blobs/sha256/{digest.split(':')[1]}"
manifest = json.load(open(blob(json.load(open(f"{oci}/index.json"))["manifests"][0]["digest"])))
for layer in manifest["layers"]:
    subprocess.run(["tar", "-xzf" if "gzip" in layer["mediaType"] else "-xf", blob(layer["digest"]), "-C", root,
                    "--warning=no-unknown-keyword"], check=True)
config = json.load(open(blob(manifest["config"]["digest"])))["config"]
print(config.get("User", "0:0"), len(config.get("Env", [])), *config.get("Env", []), *config["Entrypoint"])
PY
)
USER_SPEC="${SETTINGS[0]}"; ENV_COUNT="${SETTINGS[1]}"
IMAGE_ENV=("${SETTINGS[@]:2:$ENV_COUNT}"); ENTRYPOINT=("${SETTINGS[@]:$((2 + ENV_COUNT))}")
mkdir -p "$ROOTFS/proc" "$ROOTFS/dev" "$ROOTFS/etc"
cp /etc/resolv.conf /etc/hosts "$ROOTFS/etc/"

CHROOT="$(PATH="$PATH:/usr/sbin:/sbin" command -v chroot)"
unshare --mount --pid --fork --mount-proc="$ROOTFS/proc" \
  env -i "${IMAGE_ENV[@]}" "$@" "$CHROOT" --userspec="$USER_SPEC" "$ROOTFS" "${ENTRYPOINT[@]}"
