# syntax=docker/dockerfile:1
# The action image: a JRE, adhoc-action and the terraform CLI. The entrypoint is the java
# launcher: no arguments = GitHub Action mode (inputs from INPUT_<NAME>), arguments = the CLI.
#   docker build -t adhoc-action .
#   docker run --rm adhoc-action --help

# terraform, pinned by version and by the SHA-256 of its zip as published in HashiCorp's
# terraform_<version>_SHA256SUMS; the build fails if the download or SHA256SUMS disagree.
ARG TERRAFORM_VERSION=1.11.4
ARG TERRAFORM_SHA256_AMD64=1ce994251c00281d6845f0f268637ba50c0005657eb3cf096b92f753b42ef4dc
ARG TERRAFORM_SHA256_ARM64=a43d1d0da9b9bab214a8305a39db0e40869572594ccf50c416a7756499143633

# --- the program ---------------------------------------------------------------------------
FROM maven:3.9-eclipse-temurin-21 AS build
WORKDIR /src
COPY pom.xml .
COPY src/main src/main
RUN --mount=type=cache,target=/root/.m2 mvn -B -q package -DskipTests
# The stand-in AWS endpoint for the AppCDS training run below.
COPY bench/FirstRequestListener.java bench/
RUN javac --release 17 -d /src/training bench/FirstRequestListener.java

# --- terraform -----------------------------------------------------------------------------
FROM debian:bookworm-slim AS terraform
ARG TERRAFORM_VERSION
ARG TERRAFORM_SHA256_AMD64
ARG TERRAFORM_SHA256_ARM64
ARG TARGETARCH
RUN apt-get update -qq \
 && apt-get install -y -qq --no-install-recommends ca-certificates curl unzip >/dev/null \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /download
RUN set -eu; \
    arch="${TARGETARCH:-amd64}"; \
    case "$arch" in \
      amd64) expected="$TERRAFORM_SHA256_AMD64" ;; \
      arm64) expected="$TERRAFORM_SHA256_ARM64" ;; \
      *) echo "no pinned terraform checksum for $arch" >&2; exit 1 ;; \
    esac; \
    zip="terraform_${TERRAFORM_VERSION}_linux_${arch}.zip"; \
    base="https://releases.hashicorp.com/terraform/${TERRAFORM_VERSION}"; \
    curl -fsSLO "$base/$zip"; \
    curl -fsSLO "$base/terraform_${TERRAFORM_VERSION}_SHA256SUMS"; \
    published="$(awk -v f="$zip" '$2 == f { print $1 }' "terraform_${TERRAFORM_VERSION}_SHA256SUMS")"; \
    [ "$published" = "$expected" ] || { echo "SHA256SUMS says '$published' for $zip, pinned: $expected" >&2; exit 1; }; \
    echo "$expected  $zip" | sha256sum -c -; \
    unzip -q "$zip" terraform; \
    ./terraform version

# --- the image -----------------------------------------------------------------------------
FROM eclipse-temurin:21-jre
LABEL org.opencontainers.image.title="adhoc-action" \
      org.opencontainers.image.description="Short-lived environments of a web application on AWS ECS Fargate, from GitHub Actions or a CLI."
ENV CHECKPOINT_DISABLE=1 \
    TF_IN_AUTOMATION=1
COPY --from=terraform /download/terraform /usr/local/bin/terraform
COPY --from=build /src/target/adhoc-action.jar /app/adhoc-action.jar
COPY --from=build /src/training /tmp/training
# AppCDS: a training run that goes as far as the first AWS request (against a stand-in endpoint
# answering 400) records the classes start-up loads; every later start maps them from
# /app/adhoc.jsa instead of loading and verifying them (bench/README.md has the figures).
# -Xshare:on in the last command fails the build if the archive cannot be used.
RUN set -eu; \
    java -cp /tmp/training FirstRequestListener /tmp/training/port /tmp/training/requests 300 & \
    listener=$!; \
    for _ in $(seq 100); do [ -s /tmp/training/port ] && break; sleep 0.1; done; \
    AWS_ENDPOINT_URL="http://127.0.0.1:$(cat /tmp/training/port)" AWS_REGION=us-east-1 \
    AWS_ACCESS_KEY_ID=training AWS_SECRET_ACCESS_KEY=training AWS_EC2_METADATA_DISABLED=true \
      java -XX:ArchiveClassesAtExit=/app/adhoc.jsa -XX:TieredStopAtLevel=1 -XX:+UseSerialGC \
        -jar /app/adhoc-action.jar list >/dev/null 2>&1 || true; \
    kill "$listener" 2>/dev/null || true; \
    rm -rf /tmp/training; \
    java -Xshare:on -XX:SharedArchiveFile=/app/adhoc.jsa -XX:TieredStopAtLevel=1 -XX:+UseSerialGC \
      -jar /app/adhoc-action.jar --version; \
    terraform version
# GitHub runs a container action with --workdir /github/workspace and mounts the workspace and
# the files behind GITHUB_OUTPUT/GITHUB_STEP_SUMMARY owned by the runner's user; its documentation
# asks container actions not to set a non-root USER, so the image runs as root (README: "User").
# Outside Actions: docker run --user "$(id -u):$(id -g)" -v "$PWD:/work" ...
WORKDIR /work
USER root
ENTRYPOINT ["java", "-XX:SharedArchiveFile=/app/adhoc.jsa", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", "/app/adhoc-action.jar"]
