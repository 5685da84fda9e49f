# Build: docker build -t vpcsc-audit .
# Run:   docker run --rm -v "$PWD:/work" -w /work vpcsc-audit audit --project N --from-file perimeters.json
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
