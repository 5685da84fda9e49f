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
COPY src ./src
RUN mvn -B -ntp -DskipTests package

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 vpcsc
COPY --from=build /src/target/vpcsc-audit.jar /opt/vpcsc-audit/vpcsc-audit.jar
USER 10001
ENTRYPOINT ["java", "-jar", "/opt/vpcsc-audit/vpcsc-audit.jar"]
