# The application image: built from the sources with the Maven wrapper, run on a JRE.
#   docker build -t pipeline-tracker:0.1.0-SNAPSHOT .
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline
COPY src src
COPY config config
RUN ./mvnw -B -q -DskipTests package && cp target/pipeline-tracker-*.jar /app.jar

FROM eclipse-temurin:17-jre
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
WORKDIR /workspace
COPY --from=build /app.jar /workspace/app.jar
COPY config /workspace/config
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --retries=12 CMD curl -fs http://localhost:8080/actuator/health || exit 1
ENTRYPOINT ["java", "-jar", "/workspace/app.jar"]
