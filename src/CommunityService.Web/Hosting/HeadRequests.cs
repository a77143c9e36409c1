namespace CommunityService.Web.Hosting;

/// <summary>
/// HEAD is answered as GET without a body (RFC 9110 §9.3.2): the same status and headers, so a link checker or a proxy's
/// health probe gets what a browser would, where MVC's <c>[HttpGet]</c> routes alone would answer HEAD with 404. The request
/// runs as a GET (routing, authorization, the output cache), the body goes nowhere, and the method is HEAD again when the
/// response starts, so the server sends the headers (Content-Length included) and no body.
/// </summary>
public static class HeadRequests
{
    public static IApplicationBuilder UseHeadAsGet(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await next(context);
            return;
        }
        context.Request.Method = HttpMethods.Get;
        context.Response.OnStarting(() =>
        {
            context.Request.Method = HttpMethods.Head;
            return Task.CompletedTask;
        });
        var body = context.Response.Body;
        context.Response.Body = Stream.Null;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = body;
            context.Request.Method = HttpMethods.Head;
        }
    });
}
