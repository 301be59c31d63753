namespace AkkaMcpEcho.Protocol.Telemetry;

/// <summary>Why the transport refused a request, by the status it answered: the <c>reason</c> of the rejected-requests counter.</summary>
public static class Rejections
{
    public static string Reason(int status) => status switch
    {
        400 => "bad_request",
        401 => "unauthorized",
        403 => "forbidden",
        404 => "session_not_found",
        405 => "method_not_allowed",
        406 => "not_acceptable",
        408 => "request_timeout",
        413 => "payload_too_large",
        415 => "unsupported_media_type",
        429 => "too_many_requests",
        503 => "unavailable",
        >= 500 => "server_error",
        _ => "other",
    };
}
