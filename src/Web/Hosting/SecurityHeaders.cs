namespace CollectifLive.Web.Hosting;

/// <summary>
/// Headers every response carries: no framing, no sniffing, no Referer that could carry a workshop path, and a
/// Content-Security-Policy that runs only this site's own script files (no inline script, no eval) and talks only to
/// this site.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// Inline styles stay allowed: bars, word sizes and column widths are set in style attributes, and the browsers that
    /// know no finer rule (style-src-attr) would drop them all; a note's text never reaches a style.
    /// </summary>
    private const string Policy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'; connect-src 'self'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";

        // The live connection is a WebSocket to this host, which older browsers do not count as 'self'.
        var host = context.Request.Host.Value;
        headers.ContentSecurityPolicy = $"{Policy} ws://{host} wss://{host}";
        await next();
    });
}
