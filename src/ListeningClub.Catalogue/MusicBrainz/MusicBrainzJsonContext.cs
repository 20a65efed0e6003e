using System.Text.Json.Serialization;

namespace ListeningClub.Catalogue.MusicBrainz;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.KebabCaseLower, GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(MbSearchResult))]
[JsonSerializable(typeof(MbReleaseGroup))]
[JsonSerializable(typeof(MbRelease))]
internal sealed partial class MusicBrainzJsonContext : JsonSerializerContext;
