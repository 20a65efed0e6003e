using System.Net;
using ListeningClub.Discord.Rest;
using ListeningClub.Discord.Rest.Pipeline;
using ListeningClub.Discord.Rest.RateLimiting;
using ListeningClub.Discord.Tests.Fakes;

namespace ListeningClub.Discord.Tests.Rest.Pipeline;

public sealed class RestAttemptClassifierTests
{
    [Theory]
    [InlineData(HttpStatusCode.OK)]
    [InlineData(HttpStatusCode.NoContent)]
    public void Classify_2xx_IsTheCallersAnswer(HttpStatusCode status) =>
        Assert.Equal(RestAttemptKind.Success, Attempts.Answer(status).Kind);

    [Fact]
    public void Classify_429WithDiscordsBody_IsRateLimited() =>
        Assert.Equal(RestAttemptKind.RateLimited, Attempts.Sublimit(2.5).Kind);

    [Fact]
    public void Classify_429WithRateLimitHeadersButNoBody_IsStillDiscords()
    {
        var attempt = Attempts.Answer(HttpStatusCode.TooManyRequests, "", new RateLimitHeaders("b", 5, 0, 1.0, 1.0, Global: false, Scope: "user"));

        Assert.Equal(RestAttemptKind.RateLimited, attempt.Kind);
    }

    [Fact]
    public void Classify_429WithNeitherBodyNorRateLimitHeaders_IsCloudflare()
    {
        Assert.Equal(RestAttemptKind.CloudflareRateLimited, Attempts.Cloudflare().Kind);
        Assert.Equal(RestAttemptKind.CloudflareRateLimited, Attempts.Cloudflare(retryAfter: 30).Kind);
    }

    [Theory]
    [InlineData(HttpStatusCode.Unauthorized, nameof(RestAttemptKind.Unauthorized))]
    [InlineData(HttpStatusCode.Forbidden, nameof(RestAttemptKind.Forbidden))]
    [InlineData(HttpStatusCode.BadRequest, nameof(RestAttemptKind.ErrorResponse))]
    [InlineData(HttpStatusCode.NotFound, nameof(RestAttemptKind.ErrorResponse))]
    [InlineData(HttpStatusCode.InternalServerError, nameof(RestAttemptKind.ServerError))]
    [InlineData(HttpStatusCode.BadGateway, nameof(RestAttemptKind.ServerError))]
    [InlineData(HttpStatusCode.GatewayTimeout, nameof(RestAttemptKind.ServerError))]
    public void Classify_ErrorStatuses(HttpStatusCode status, string expected) =>
        Assert.Equal(expected, Attempts.Answer(status, """{"code":0,"message":"x"}""").Kind.ToString());

    [Fact]
    public void Classify_NoAnswer_IsATransientTransportFailure()
    {
        var kind = RestAttempt.Failed(new HttpRequestException("connection refused")).Kind;

        Assert.Equal(RestAttemptKind.TransportFailure, kind);
        Assert.True(kind.IsTransient());
        Assert.True(RestAttemptKind.ServerError.IsTransient());
        Assert.False(RestAttemptKind.RateLimited.IsTransient());
        Assert.False(RestAttemptKind.CloudflareRateLimited.IsTransient());
    }

    [Fact]
    public void ToException_CarriesDiscordsStatusCodeAndMessage()
    {
        var attempt = Attempts.Answer(HttpStatusCode.Forbidden, """{"code":50013,"message":"Missing Permissions"}""");

        var ex = attempt.ToException(StageRig.BotRoute, DiscordRestFailure.ErrorResponse);

        Assert.Equal(HttpStatusCode.Forbidden, ex.StatusCode);
        Assert.Equal(50013, ex.Code);
        Assert.Equal("Missing Permissions", ex.DiscordMessage);
        Assert.Equal(DiscordRestFailure.ErrorResponse, ex.Failure);
    }
}
