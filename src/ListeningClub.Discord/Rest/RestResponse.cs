using System.Net;

namespace ListeningClub.Discord.Rest;

/// <summary>A successful REST response: status and body bytes (empty for 204).</summary>
public readonly record struct RestResponse(HttpStatusCode StatusCode, byte[] Body);
