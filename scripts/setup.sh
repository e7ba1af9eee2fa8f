# shellcheck shell=bash
# Sourced by ./healthrag. Installs and starts what healthrag needs on a
# Debian/Ubuntu machine: PostgreSQL, the pgvector extension, the healthrag role
# and its databases, a JDK. Every step checks first and does nothing when its
# work is already done, so it is safe to run again and again.

HR_DB_ROLE=healthrag
HR_DB_PASSWORD=healthrag
HR_DATABASES=(healthrag healthrag_test healthrag_eval healthrag_bench)
HR_CACHE_DIR="${XDG_CACHE_HOME:-$HOME/.cache}/healthrag"
HR_QUIET="${HR_QUIET:-0}"
HR_APT_UPDATED=0

# Set by ensure_postgres_installed / ensure_postgres_running.
PG_VERSION=""
PG_CLUSTER=""
PG_PORT=""

if [[ $EUID -eq 0 ]]; then SUDO=""; else SUDO="sudo"; fi

log()  { printf '==> %s\n' "$*"; }
info() { if [[ "$HR_QUIET" != 1 ]]; then log "$@"; fi; }
warn() { printf '==> WARNING: %s\n' "$*" >&2; }
die()  { printf '==> ERROR: %s\n' "$*" >&2; exit 1; }

need_sudo() {
    if [[ -n "$SUDO" ]] && ! command -v sudo >/dev/null 2>&1; then
        die "not root and sudo is not installed: run '$0 setup' as root once"
    fi
}

# ---------------------------------------------------------------- apt helpers

apt_update_once() {
    if [[ $HR_APT_UPDATED == 0 ]]; then
        log "apt-get update"
        need_sudo
        $SUDO apt-get update -qq
        HR_APT_UPDATED=1
        mkdir -p "$HR_CACHE_DIR" && touch "$HR_CACHE_DIR/apt-update.stamp"
    fi
}

# apt-get update unless we refreshed the package lists within the last day
# (a package missing from fresh lists will not appear by updating them again).
apt_update_if_stale() {
    if [[ -n "$(find "$HR_CACHE_DIR/apt-update.stamp" -mmin -1440 2>/dev/null)" ]]; then
        return 0
    fi
    apt_update_once
}

# True when apt knows an installable version of the package (current lists).
pkg_available() {
    apt-cache policy "$1" 2>/dev/null | grep -q 'Candidate: [^(]'
}

# apt_install PKG...: install, refreshing the package lists first when they
# do not know a package yet, and once more if the download fails (stale lists).
apt_install() {
    local p
    need_sudo
    for p in "$@"; do
        if ! pkg_available "$p"; then apt_update_if_stale; break; fi
    done
    log "apt-get install -y $*"
    if ! $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@"; then
        if [[ $HR_APT_UPDATED == 0 ]]; then
            apt_update_once
            $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@"
        else
            die "apt-get install $* failed"
        fi
    fi
}

# ----------------------------------------------------------------- PostgreSQL

pg_have_server() {
    compgen -G '/usr/lib/postgresql/*/bin/postgres' >/dev/null
}

# Highest PostgreSQL major version whose server is installed.
pg_installed_version() {
    local d v best=""
    for d in /usr/lib/postgresql/*/bin/postgres; do
        [[ -x "$d" ]] || continue
        v=${d#/usr/lib/postgresql/}
        v=${v%%/*}
        best=$(printf '%s\n%s\n' "$best" "$v" | sed '/^$/d' | sort -V | tail -n1)
    done
    printf '%s' "$best"
}

# Sets PG_VERSION, PG_CLUSTER, PG_PORT: a cluster on port 5432 if there is one,
# else the "main" cluster of the highest installed version (if it exists).
pg_pick_cluster() {
    local ver name port rest
    PG_CLUSTER=""
    PG_PORT=""
    while read -r ver name port rest; do
        [[ -n "$ver" ]] || continue
        if [[ "$port" == 5432 ]]; then
            PG_VERSION=$ver PG_CLUSTER=$name PG_PORT=$port
            return 0
        fi
    done < <(pg_lsclusters -h 2>/dev/null || true)
    PG_VERSION=$(pg_installed_version)
    while read -r ver name port rest; do
        if [[ "$ver" == "$PG_VERSION" && "$name" == main ]]; then
            PG_CLUSTER=$name PG_PORT=$port
            return 0
        fi
    done < <(pg_lsclusters -h 2>/dev/null || true)
    return 0
}

pg_cluster_status() {
    pg_lsclusters -h "$PG_VERSION" "$PG_CLUSTER" 2>/dev/null | awk '{print $4}'
}

# Installs PostgreSQL if needed and picks the version/cluster to use
# (PG_VERSION, PG_CLUSTER, PG_PORT; the cluster may not exist yet).
ensure_postgres_installed() {
    if ! pg_have_server || ! command -v pg_lsclusters >/dev/null 2>&1; then
        log "PostgreSQL server not found: installing Debian's postgresql"
        apt_install postgresql
    fi
    if ! command -v psql >/dev/null 2>&1 || ! command -v pg_isready >/dev/null 2>&1; then
        apt_install postgresql-client
    fi
    pg_pick_cluster
    [[ -n "$PG_VERSION" ]] || die "no PostgreSQL server version found under /usr/lib/postgresql"
}

pg_server_pkg_version() {
    dpkg-query -W -f '${Version}' "postgresql-$PG_VERSION" 2>/dev/null || true
}

# Creates the cluster if there is none, starts it, waits until it answers.
ensure_postgres_running() {
    if [[ -z "$PG_CLUSTER" ]]; then
        log "creating PostgreSQL $PG_VERSION cluster 'main'"
        need_sudo
        $SUDO pg_createcluster "$PG_VERSION" main
        pg_pick_cluster
        [[ -n "$PG_CLUSTER" ]] || die "pg_createcluster $PG_VERSION main did not leave a cluster"
    fi
    if [[ "$(pg_cluster_status)" != online* ]]; then
        log "starting PostgreSQL $PG_VERSION/$PG_CLUSTER on port $PG_PORT"
        need_sudo
        $SUDO pg_ctlcluster "$PG_VERSION" "$PG_CLUSTER" start
    else
        info "PostgreSQL $PG_VERSION/$PG_CLUSTER already running on port $PG_PORT"
    fi
    local i
    for ((i = 0; i < 60; i++)); do
        if pg_isready -q -p "$PG_PORT"; then break; fi
        sleep 0.5
    done
    pg_isready -q -p "$PG_PORT" || die "PostgreSQL on port $PG_PORT does not answer (see /var/log/postgresql/postgresql-$PG_VERSION-$PG_CLUSTER.log)"
    if [[ "$PG_PORT" != 5432 ]]; then
        warn "the local cluster listens on port $PG_PORT, not 5432: set QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://localhost:$PG_PORT/healthrag"
    fi
}

# psql as the postgres superuser over the local socket; extra args go to psql.
pg_admin() {
    local cmd=(env -u PGHOST -u PGHOSTADDR -u PGUSER -u PGPASSWORD -u PGDATABASE -u PGPORT -u PGSERVICE
               psql -X -q -v ON_ERROR_STOP=1 -p "$PG_PORT" "$@")
    if [[ $EUID -eq 0 ]]; then
        (cd / && runuser -u postgres -- "${cmd[@]}")
    else
        need_sudo
        (cd / && sudo -u postgres -- "${cmd[@]}")
    fi
}

# pg_admin_value DB SQL: first column of the first row, unaligned.
pg_admin_value() {
    pg_admin -d "$1" -tA -c "$2"
}

# ------------------------------------------------------------------- pgvector

pgvector_installed() {
    [[ -f "/usr/lib/postgresql/$PG_VERSION/lib/vector.so" &&
       -f "/usr/share/postgresql/$PG_VERSION/extension/vector.control" ]]
}

# First Debian mirror ("…/debian") the machine's apt sources use.
debian_mirror() {
    local f uri=""
    for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources; do
        [[ -f "$f" ]] || continue
        if [[ "$f" == *.sources ]]; then
            uri=$(awk 'tolower($1) == "uris:" { for (i = 2; i <= NF; i++) print $i }' "$f")
        else
            uri=$(awk '$1 == "deb" || $1 == "deb-src" {
                        for (i = 2; i <= NF; i++) if ($i ~ /^https?:\/\//) { print $i; break } }' "$f")
        fi
        uri=$(printf '%s\n' "$uri" | grep -E '^https?://[^/[:space:]]+(/[^[:space:]]*)?/debian/?$' | head -n1 || true)
        [[ -n "$uri" ]] && break
    done
    uri=${uri:-http://deb.debian.org/debian}
    printf '%s\n' "${uri%/}"
}

# Builds pgvector from Debian trixie's source package, with a private apt
# configuration so the machine's own package lists stay untouched. The source
# tree is kept in $HR_CACHE_DIR/pgvector so a later run skips download and build.
build_pgvector_from_debian_source() {
    local aptdir="$HR_CACHE_DIR/apt" srcdir="$HR_CACHE_DIR/pgvector" mirror tree dsc
    local pg_config="/usr/lib/postgresql/$PG_VERSION/bin/pg_config"

    local build_pkgs=()
    if [[ ! -x "$pg_config" || ! -f "/usr/include/postgresql/$PG_VERSION/server/postgres.h" ]]; then
        build_pkgs+=("postgresql-server-dev-$PG_VERSION")
    fi
    if ! command -v make >/dev/null 2>&1 || ! command -v gcc >/dev/null 2>&1; then build_pkgs+=(build-essential); fi
    command -v dpkg-source >/dev/null 2>&1 || build_pkgs+=(dpkg-dev)
    if ((${#build_pkgs[@]})); then apt_install "${build_pkgs[@]}"; fi

    mkdir -p "$srcdir"
    tree=$(find "$srcdir" -mindepth 1 -maxdepth 1 -type d -name 'pgvector-*' | sort -V | tail -n1)
    if [[ -z "$tree" ]]; then
        mirror=$(debian_mirror)
        log "pgvector: fetching Debian trixie's source package from $mirror (private apt lists in $aptdir)"
        mkdir -p "$aptdir/lists/partial" "$aptdir/cache/archives/partial"
        local keyring=/usr/share/keyrings/debian-archive-keyring.gpg signed=""
        [[ -f "$keyring" ]] && signed="[signed-by=$keyring] "
        printf 'deb-src %s%s trixie main\n' "$signed" "$mirror" >"$aptdir/sources.list"
        local aptopts=(-o "Dir::Etc::SourceList=$aptdir/sources.list"
                       -o "Dir::Etc::SourceParts=/dev/null"
                       -o "Dir::State::Lists=$aptdir/lists"
                       -o "Dir::Cache=$aptdir/cache"
                       -o "Acquire::Check-Valid-Until=false")
        [[ $EUID -eq 0 ]] && aptopts+=(-o "APT::Sandbox::User=root")
        apt-get "${aptopts[@]}" -qq update
        (cd "$srcdir" && apt-get "${aptopts[@]}" -q source --download-only pgvector)
        dsc=$(find "$srcdir" -maxdepth 1 -name 'pgvector_*.dsc' | sort -V | tail -n1)
        [[ -n "$dsc" ]] || die "apt-get source pgvector left no .dsc in $srcdir"
        log "pgvector: unpacking $(basename "$dsc")"
        (cd "$srcdir" && dpkg-source -x "$(basename "$dsc")" >/dev/null)
        tree=$(find "$srcdir" -mindepth 1 -maxdepth 1 -type d -name 'pgvector-*' | sort -V | tail -n1)
        [[ -n "$tree" ]] || die "dpkg-source -x left no pgvector-* directory in $srcdir"
    else
        info "pgvector: using cached source $tree"
    fi

    local stamp="$tree/.healthrag-built-pg$PG_VERSION"
    local mk=(make -C "$tree" OPTFLAGS="" with_llvm=no PG_CONFIG="$pg_config")
    if [[ ! -f "$stamp" || ! -f "$tree/vector.so" ]]; then
        log "pgvector: building $(basename "$tree") for PostgreSQL $PG_VERSION"
        "${mk[@]}" clean >/dev/null
        "${mk[@]}" -j"$(nproc 2>/dev/null || echo 2)" >"$tree/.healthrag-build.log" 2>&1 ||
            { tail -n 30 "$tree/.healthrag-build.log" >&2; die "pgvector build failed (log: $tree/.healthrag-build.log)"; }
        touch "$stamp"
    else
        info "pgvector: already built in $tree"
    fi
    log "pgvector: make install"
    need_sudo
    $SUDO "${mk[@]}" install >/dev/null
}

ensure_pgvector() {
    if pgvector_installed; then
        info "pgvector already installed for PostgreSQL $PG_VERSION"
        return 0
    fi
    # Installing build dependencies may upgrade the server package; a server
    # that was already running then gets restarted onto the new binaries.
    local before after
    before=$(pg_server_pkg_version)
    install_pgvector
    after=$(pg_server_pkg_version)
    if [[ "$before" != "$after" && -n "$PG_CLUSTER" && "$(pg_cluster_status)" == online* ]]; then
        log "postgresql-$PG_VERSION went from $before to $after: restarting $PG_VERSION/$PG_CLUSTER"
        $SUDO pg_ctlcluster "$PG_VERSION" "$PG_CLUSTER" restart
    fi
}

install_pgvector() {
    local pkg="postgresql-$PG_VERSION-pgvector"
    if ! pkg_available "$pkg"; then apt_update_if_stale; fi
    if pkg_available "$pkg"; then
        apt_install "$pkg"
    else
        log "pgvector: no package $pkg here; building it from Debian's source package"
        build_pgvector_from_debian_source
    fi
    pgvector_installed || die "pgvector is still missing for PostgreSQL $PG_VERSION"
}

# ------------------------------------------------------- role and databases

hr_can_login() {
    env -u PGHOST -u PGHOSTADDR -u PGUSER -u PGDATABASE -u PGPORT -u PGSERVICE \
        PGPASSWORD="$HR_DB_PASSWORD" PGCONNECT_TIMEOUT=5 \
        psql -X -q -h localhost -p "$PG_PORT" -U "$HR_DB_ROLE" -d healthrag -tA -c 'select 1' >/dev/null 2>&1
}

# Puts host rules for the healthrag role on 127.0.0.1 and ::1 first in pg_hba.conf.
hr_fix_hba() {
    local hba
    hba=$(pg_admin_value postgres 'show hba_file')
    if grep -q 'healthrag: password login' "$hba" 2>/dev/null; then return 0; fi
    log "adding scram-sha-256 rules for $HR_DB_ROLE on localhost to $hba"
    local tmp
    tmp=$(mktemp)
    {
        echo "# healthrag: password login over TCP on localhost (added by ./healthrag setup)"
        echo "host    all    $HR_DB_ROLE    127.0.0.1/32    scram-sha-256"
        echo "host    all    $HR_DB_ROLE    ::1/128         scram-sha-256"
        $SUDO cat "$hba"
    } >"$tmp"
    $SUDO cp "$tmp" "$hba"
    rm -f "$tmp"
    pg_admin -d postgres -c 'select pg_reload_conf()' >/dev/null
}

# ensure_database NAME: the database exists, is owned by the app role and has the vector extension.
ensure_database() {
    local db=$1 owner ext
    owner=$(pg_admin_value postgres "select pg_get_userbyid(datdba) from pg_database where datname = '$db'")
    if [[ -z "$owner" ]]; then
        log "creating database $db owned by $HR_DB_ROLE"
        pg_admin -d postgres -c "CREATE DATABASE $db OWNER $HR_DB_ROLE"
    elif [[ "$owner" != "$HR_DB_ROLE" ]]; then
        log "database $db is owned by $owner: giving it to $HR_DB_ROLE"
        pg_admin -d postgres -c "ALTER DATABASE $db OWNER TO $HR_DB_ROLE"
    else
        info "database $db exists"
    fi
    ext=$(pg_admin_value "$db" "select extversion from pg_extension where extname = 'vector'")
    if [[ -z "$ext" ]]; then
        pg_admin -d "$db" -c 'CREATE EXTENSION IF NOT EXISTS vector'
        ext=$(pg_admin_value "$db" "select extversion from pg_extension where extname = 'vector'")
        log "created extension vector $ext in $db"
    else
        info "extension vector $ext present in $db"
    fi
}

ensure_databases() {
    local exists db
    exists=$(pg_admin_value postgres "select count(*) from pg_roles where rolname = '$HR_DB_ROLE'")
    if [[ "$exists" == 0 ]]; then
        log "creating role $HR_DB_ROLE (LOGIN, password '$HR_DB_PASSWORD', not superuser)"
        pg_admin -d postgres -c "CREATE ROLE $HR_DB_ROLE LOGIN NOSUPERUSER PASSWORD '$HR_DB_PASSWORD'"
    else
        info "role $HR_DB_ROLE exists"
        if [[ "$(pg_admin_value postgres "select rolcanlogin from pg_roles where rolname = '$HR_DB_ROLE'")" != t ]]; then
            log "allowing role $HR_DB_ROLE to log in"
            pg_admin -d postgres -c "ALTER ROLE $HR_DB_ROLE LOGIN"
        fi
    fi

    for db in "${HR_DATABASES[@]}"; do
        ensure_database "$db"
    done

    if hr_can_login; then
        info "password login as $HR_DB_ROLE on localhost:$PG_PORT works"
        return 0
    fi
    log "password login as $HR_DB_ROLE failed: resetting its password"
    pg_admin -d postgres -c "ALTER ROLE $HR_DB_ROLE PASSWORD '$HR_DB_PASSWORD'"
    if ! hr_can_login; then
        hr_fix_hba
    fi
    hr_can_login || die "cannot log in: PGPASSWORD=$HR_DB_PASSWORD psql -h localhost -p $PG_PORT -U $HR_DB_ROLE -d healthrag"
    log "password login as $HR_DB_ROLE on localhost:$PG_PORT works"
}

# ----------------------------------------------------------------------- JDK

ensure_jdk() {
    if command -v java >/dev/null 2>&1 && command -v javac >/dev/null 2>&1; then
        info "JDK present: $(java -version 2>&1 | head -n1)"
    else
        log "no JDK found: installing Debian's default-jdk-headless"
        apt_install default-jdk-headless
    fi
}

# --------------------------------------------------------------------- build

# Builds target/quarkus-app when it is missing or older than the sources.
# HEALTHRAG_SKIP_BUILD=1 skips it.
ensure_build() {
    local jar=target/quarkus-app/quarkus-run.jar newer
    if [[ "${HEALTHRAG_SKIP_BUILD:-0}" == 1 ]]; then
        info "HEALTHRAG_SKIP_BUILD=1: not building the app"
        return 0
    fi
    if [[ -f "$jar" ]]; then
        newer=$(find src/main pom.xml -type f -newer "$jar" -not -path 'src/main/docker/*' -print -quit 2>/dev/null || true)
        if [[ -z "$newer" ]]; then
            info "app build is up to date ($jar)"
            return 0
        fi
        log "$newer is newer than $jar: rebuilding"
    else
        log "$jar is missing: building"
    fi
    log "./mvnw -B -q package -DskipTests"
    ./mvnw -B -q package -DskipTests
    [[ -f "$jar" ]] || die "the build finished but $jar is missing"
    touch "$jar"
}

# ----------------------------------------------------------------- all of it

# Everything but the app build: JDK, PostgreSQL, pgvector, role, databases.
# PostgreSQL's packaged shared_buffers (128 MB) holds a fraction of a 100k-chunk index (~200 MB of HNSW graph,
# ~800 MB with postings); every other page then comes from the kernel's cache, which cost a quarter of the
# search throughput in ./healthrag bench. Raised once to a quarter of RAM (at most 1 GB), never lowered;
# HEALTHRAG_PG_TUNE=0 leaves the cluster's configuration alone.
ensure_postgres_memory() {
    [[ "${HEALTHRAG_PG_TUNE:-1}" == 1 ]] || return 0
    local current_kb want_mb
    current_kb=$(pg_admin_value postgres "SELECT setting::bigint * 8 FROM pg_settings WHERE name = 'shared_buffers'")
    want_mb=$(awk '/MemTotal/ { m = int($2 / 1024 / 4); print (m > 1024 ? 1024 : m) }' /proc/meminfo)
    if (( current_kb / 1024 >= want_mb )); then
        info "shared_buffers is $((current_kb / 1024)) MB"
        return 0
    fi
    log "raising shared_buffers from $((current_kb / 1024)) MB to ${want_mb} MB and restarting $PG_VERSION/$PG_CLUSTER"
    pg_admin -d postgres -c "ALTER SYSTEM SET shared_buffers = '${want_mb}MB'"
    need_sudo
    $SUDO pg_ctlcluster "$PG_VERSION" "$PG_CLUSTER" restart
    local i
    for ((i = 0; i < 60; i++)); do
        if pg_isready -q -p "$PG_PORT"; then break; fi
        sleep 0.5
    done
}

setup_environment() {
    ensure_jdk
    ensure_postgres_installed
    ensure_pgvector
    ensure_postgres_running
    ensure_postgres_memory
    ensure_databases
}
