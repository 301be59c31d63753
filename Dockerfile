# AkkaMcpEcho: single-node container. Build: docker build -t akka-mcp-echo .   Run: docker run -p 3000:3000 akka-mcp-echo
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish src/Http/AkkaMcpEcho.Http.csproj -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app .
# Sessions survive a container restart in an SQLite file on the /data volume (MCP_SESSION_STORE=memory: none written).
RUN mkdir /data && chown $APP_UID /data
VOLUME /data
ENV MCP_ECHO_HOST=0.0.0.0 \
    MCP_ECHO_PORT=3000 \
    MCP_SESSION_TIMEOUT=3600 \
    MCP_MAX_SESSIONS=1000 \
    MCP_SESSION_STORE=sqlite \
    MCP_SESSION_STORE_CONNECTION=/data/sessions.db
EXPOSE 3000
# The aspnet image's non-root user.
USER $APP_UID
HEALTHCHECK --interval=30s --timeout=5s --retries=3 \
    CMD curl -fsS http://localhost:3000/health/ready || exit 1
ENTRYPOINT ["dotnet", "AkkaMcpEcho.dll"]
