namespace PerfPipeline.Functions.Http;

using Microsoft.AspNetCore.Http;

using PerfPipeline.Api;

/// <summary>
/// The caller App Service authentication signed in. The HTTP triggers are anonymous to the Functions host (no function
/// keys): authentication happens in front of the app (authsettingsV2 in infra/modules/function-app.bicep), which
/// answers 401 to a request without a token and passes the caller in <see cref="ApiCaller.HeaderName"/>.
/// </summary>
internal static class ClientPrincipal
{
    public static ApiCaller? Caller(this HttpRequest request) => ApiCaller.FromClientPrincipal(request.Headers[ApiCaller.HeaderName]);
}
