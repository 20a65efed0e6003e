using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ListeningClub.Catalogue.Fakes.Control;

/// <summary>
/// The control API under <c>/_fake</c>: <c>PUT /faults/{service}</c> with a <see cref="ServiceFault"/> body
/// (<c>{"kind":"TooManyRequests","latency":"00:00:02","count":3,"retryAfterSeconds":1}</c>), <c>DELETE /faults/{service}</c>,
/// <c>GET /requests?service=&amp;after=</c> (the request log), <c>POST /reset</c>.
/// </summary>
public static class ControlRoutes
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static void Map(IEndpointRouteBuilder app)
    {
        var control = app.MapGroup("/_fake");

        control.MapPut("/faults/{service}", async (string service, HttpContext ctx, FakeState state) =>
        {
            if (!Enum.TryParse<FakeService>(service, ignoreCase: true, out var s))
            {
                return Results.BadRequest("service is tmdb, musicbrainz or coverart");
            }

            ServiceFault? fault;
            try
            {
                fault = await JsonSerializer.DeserializeAsync<ServiceFault>(ctx.Request.Body, Json, ctx.RequestAborted).ConfigureAwait(false);
            }
            catch (JsonException e)
            {
                return Results.BadRequest(e.Message);
            }

            if (fault is null)
            {
                return Results.BadRequest("a fault body is required");
            }

            state.SetFault(s, fault);
            return Results.NoContent();
        });

        control.MapDelete("/faults/{service}", (string service, FakeState state) =>
        {
            if (!Enum.TryParse<FakeService>(service, ignoreCase: true, out var s))
            {
                return Results.BadRequest("service is tmdb, musicbrainz or coverart");
            }

            state.ClearFault(s);
            return Results.NoContent();
        });

        control.MapGet("/requests", (HttpContext ctx, FakeState state) =>
        {
            FakeService? service = Enum.TryParse<FakeService>(ctx.Request.Query["service"], ignoreCase: true, out var s) ? s : null;
            var after = long.TryParse(ctx.Request.Query["after"], NumberStyles.None, CultureInfo.InvariantCulture, out var a) ? a : 0;
            return Results.Json(state.Log.Entries(service, after), Json);
        });

        control.MapPost("/reset", (FakeState state) =>
        {
            state.Reset();
            return Results.NoContent();
        });
    }
}
