# Build: docker build -t vpcsc-audit .
# Run (the image's user is uid 10001; run as yourself so it can write to the mounted folder):
#   docker run --rm --user "$(id -u):$(id -g)" -v "$PWD:/work" -w /work vpcsc-audit \
#     audit --project 123456789012 --from-file perimeters.json --format json,sarif --output-dir reports
# Live, with your gcloud Application Default Credentials mounted read-only:
#   docker run --rm --user "$(id -u):$(id -g)" -v "$HOME/.config/gcloud:/gcloud:ro" \
#     -e CLOUDSDK_CONFIG=/gcloud -v "$PWD:/work" -w /work vpcsc-audit audit --project my-project
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml ./
COPY policies ./policies
COPY samples ./samples
COPY src ./src
COPY bin ./bin
RUN mvn -B -ntp -DskipTests package

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 vpcsc
COPY --from=build /src/target/vpcsc-audit.jar /opt/vpcsc-audit/vpcsc-audit.jar
COPY --from=build /src/target/vpcsc-audit-training.jar /tmp/training/training.jar
COPY bin/train-cds /tmp/training/train-cds
COPY samples/gdc-perimeters.json /tmp/training/perimeters.json
COPY samples/supported-services.json /tmp/training/services.json
# Start-up: a class-data-sharing archive from a training run, made by this image's own JVM
# (an archive only fits the JVM build that wrote it): bin/train-cds records the classes of an
# offline audit into every format, both plans and a live audit against canned answers on a
# loopback port, then archives them (-Xshare:dump).
RUN /tmp/training/train-cds /opt/vpcsc-audit/vpcsc-audit.jar /tmp/training/training.jar \
      /opt/vpcsc-audit/vpcsc-audit.jsa /tmp/training/perimeters.json /tmp/training/services.json \
      > /dev/null 2>&1 && rm -rf /tmp/training
USER 10001
ENTRYPOINT ["java", "-XX:SharedArchiveFile=/opt/vpcsc-audit/vpcsc-audit.jsa", "-Xshare:auto", \
  "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xms32m", "-Xlog:cds=off", \
  "-jar", "/opt/vpcsc-audit/vpcsc-audit.jar"]
