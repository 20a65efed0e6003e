using System.Text.Json.Serialization;

namespace ListeningClub.Catalogue.Tmdb;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(TmdbSearchPage))]
[JsonSerializable(typeof(TmdbMovie))]
[JsonSerializable(typeof(TmdbFindResult))]
internal sealed partial class TmdbJsonContext : JsonSerializerContext;
