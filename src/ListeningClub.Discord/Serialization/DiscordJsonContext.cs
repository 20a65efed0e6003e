using System.Text.Json;
using System.Text.Json.Serialization;
using ListeningClub.Discord.Models;

namespace ListeningClub.Discord.Serialization;

/// <summary>
/// Source-generated JSON for every wire model: snake_case names, nulls omitted, every <see cref="ulong"/>
/// (snowflakes, permission bit sets) as a decimal string.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(SnowflakeConverter)])]
[JsonSerializable(typeof(User))]
[JsonSerializable(typeof(GuildMember))]
[JsonSerializable(typeof(Guild))]
[JsonSerializable(typeof(Channel))]
[JsonSerializable(typeof(List<Channel>))]
[JsonSerializable(typeof(Message))]
[JsonSerializable(typeof(List<Message>))]
[JsonSerializable(typeof(MessageCreateRequest))]
[JsonSerializable(typeof(MessageEditRequest))]
[JsonSerializable(typeof(WebhookMessageRequest))]
[JsonSerializable(typeof(Interaction))]
[JsonSerializable(typeof(InteractionResponse))]
[JsonSerializable(typeof(ApplicationCommand))]
[JsonSerializable(typeof(List<ApplicationCommand>))]
[JsonSerializable(typeof(GuildScheduledEvent))]
[JsonSerializable(typeof(List<GuildScheduledEvent>))]
[JsonSerializable(typeof(GuildScheduledEventCreateRequest))]
[JsonSerializable(typeof(GuildScheduledEventModifyRequest))]
[JsonSerializable(typeof(StartThreadFromMessageRequest))]
[JsonSerializable(typeof(StartThreadRequest))]
[JsonSerializable(typeof(ForumPostRequest))]
[JsonSerializable(typeof(CreateDmRequest))]
[JsonSerializable(typeof(PollAnswerVoters))]
[JsonSerializable(typeof(PollVoteEvent))]
[JsonSerializable(typeof(DiscordErrorBody))]
[JsonSerializable(typeof(RateLimitedBody))]
[JsonSerializable(typeof(GatewayPayload))]
[JsonSerializable(typeof(GatewayHello))]
[JsonSerializable(typeof(GatewayIdentify))]
[JsonSerializable(typeof(GatewayResume))]
[JsonSerializable(typeof(GatewayReady))]
[JsonSerializable(typeof(GatewayBotInfo))]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(long))]
[JsonSerializable(typeof(double))]
[JsonSerializable(typeof(bool))]
public sealed partial class DiscordJsonContext : JsonSerializerContext;
