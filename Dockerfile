# The server replica's container image, as template.yaml runs it on ECS Fargate (./tonearm serve's composition).
FROM maven:3.9-eclipse-temurin-21 AS build
WORKDIR /src
COPY . .
RUN mvn -B -q -pl server -am package -DskipTests \
 && mvn -B -q -pl server dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory=target/lib

FROM eclipse-temurin:21-jre
RUN useradd --system --uid 10001 tonearm
WORKDIR /app
COPY --from=build /src/server/target/classes /app/classes
COPY --from=build /src/server/target/lib /app/lib
USER tonearm
ENV TONEARM_HOST=0.0.0.0 TONEARM_PORT=8080 TONEARM_DATA_DIR=/tmp/tonearm
EXPOSE 8080
ENTRYPOINT ["java", "--add-modules", "jdk.incubator.vector", "-XX:MaxRAMPercentage=75", \
  "-cp", "/app/classes:/app/lib/*", "dev.tonearm.server.ServerMain"]
