#!/usr/bin/env bash
# Builds the services' base image as a tarball, with no registry and no Docker engine: a Java
# runtime cut down with jlink from a local JDK 25, the few C libraries it links against, and a
# non-root user, in the layout of gcr.io/distroless/java (no shell, no package manager).
# Jib builds each service's image on it:  ./bridgeway images  (see deploy/README.md).
#   deploy/images/base-image.sh OUTPUT.tar [JDK_HOME]
set -euo pipefail

mkdir -p "$(dirname "$1")"
OUT="$(readlink -f "$1")"
JDK="${2:-${JAVA_HOME:-}}"
[ -x "$JDK/bin/jlink" ] || { echo "base-image: needs a JDK 25 with jlink (pass its home as the second argument)" >&2; exit 1; }
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
ROOT="$WORK/rootfs"
mkdir -p "$ROOT"/{opt,etc,tmp,home/nonroot,lib64,lib/x86_64-linux-gnu,usr/share/doc}

# What Spring Boot, the MongoDB and Kafka clients and the OpenTelemetry exporter use: java.compiler
# for Spring Data (javax.lang.model at start), java.desktop
# for java.beans, jdk.naming.dns for mongodb+srv:// look-ups, jdk.management for the JVM metrics.
MODULES=java.base,java.compiler,java.desktop,java.instrument,java.logging,java.management,java.naming,java.net.http,java.prefs,java.scripting,java.security.jgss,java.security.sasl,java.sql,java.xml,jdk.crypto.ec,jdk.jfr,jdk.management,jdk.naming.dns,jdk.net,jdk.unsupported,jdk.zipfs,jdk.charsets
"$JDK/bin/jlink" --add-modules "$MODULES" --strip-debug --no-man-pages --no-header-files --compress=zip-6 --output "$ROOT/opt/java"

# The C libraries the runtime links against, as ldd finds them (a JDK built against the system
# zlib needs it too), from this machine's Debian packages. The desktop, sound and font libraries
# are left out: services run headless and never load them.
RUNTIME_LIBS=$(find "$ROOT/opt/java" -name '*.so' | grep -vE 'awt|splashscreen|jsound|fontmanager|freetype|lcms|javajpeg|mlib_image')
for lib in $(ldd "$ROOT/opt/java/bin/java" $RUNTIME_LIBS 2>/dev/null | awk '$2 == "=>" && $3 ~ /^\// {print $3}' | grep -v "^$ROOT" | sort -u); do
  cp -L "$lib" "$ROOT/lib/x86_64-linux-gnu/$(basename "$lib")"
done
cp -L /lib64/ld-linux-x86-64.so.2 "$ROOT/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2"
ln -s ../lib/x86_64-linux-gnu/ld-linux-x86-64.so.2 "$ROOT/lib64/ld-linux-x86-64.so.2"
mkdir -p "$ROOT/usr/share/doc/libc6"
cp /usr/share/doc/libc6/copyright "$ROOT/usr/share/doc/libc6/copyright"

cat > "$ROOT/etc/passwd" <<'PASSWD'
root:x:0:0:root:/root:/sbin/nologin
nonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin
PASSWD
cat > "$ROOT/etc/group" <<'GROUP'
root:x:0:
nonroot:x:65532:
GROUP
echo "hosts: files dns" > "$ROOT/etc/nsswitch.conf"
chmod 1777 "$ROOT/tmp"

# One layer, reproducible: sorted, owned by root (the home by nonroot), fixed times.
tar --sort=name --mtime=@0 --numeric-owner --owner=0 --group=0 -C "$ROOT" -cf "$WORK/layer.tar" --exclude=./home/nonroot .
tar --sort=name --mtime=@0 --numeric-owner --owner=65532 --group=65532 -C "$ROOT" -rf "$WORK/layer.tar" ./home/nonroot
DIFF_ID="sha256:$(sha256sum "$WORK/layer.tar" | cut -d' ' -f1)"
cat > "$WORK/config.json" <<CONFIG
{"architecture":"amd64","os":"linux","created":"1970-01-01T00:00:00Z",
 "config":{"User":"65532:65532","WorkingDir":"/home/nonroot",
   "Env":["PATH=/opt/java/bin:/usr/bin:/bin","JAVA_HOME=/opt/java","LANG=C.UTF-8"]},
 "rootfs":{"type":"layers","diff_ids":["$DIFF_ID"]}}
CONFIG
echo '[{"Config":"config.json","RepoTags":["bridgeway/jre:25"],"Layers":["layer.tar"]}]' > "$WORK/manifest.json"
tar --sort=name --mtime=@0 --owner=0 --group=0 -C "$WORK" -cf "$OUT" manifest.json config.json layer.tar
echo "base-image: $OUT ($(du -h "$OUT" | cut -f1))"
