using System.Text.Json;
using ListeningClub.Discord.Models;

namespace ListeningClub.Discord.Safety;

/// <summary>
/// Applied by the REST resources to every message-bearing payload before it is sent: fills
/// <c>allowed_mentions</c> with <c>{"parse": []}</c> unless the caller set it explicitly, removes control characters
/// (except line feeds) from every text field and cuts it to Discord's limits. A custom_id over 100 characters is a
/// bug and throws.
/// </summary>
public static class MessageSafety
{
    public static MessageCreateRequest Prepare(MessageCreateRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request with
        {
            Content = Cut(request.Content, DiscordLimits.Content),
            Embeds = FitEmbeds(request.Embeds),
            AllowedMentions = request.AllowedMentions ?? AllowedMentions.None,
            Components = FitComponents(request.Components),
            Poll = FitPoll(request.Poll),
        };
    }

    public static MessageEditRequest Prepare(MessageEditRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request with
        {
            Content = Cut(request.Content, DiscordLimits.Content),
            Embeds = FitEmbeds(request.Embeds),
            AllowedMentions = request.AllowedMentions ?? AllowedMentions.None,
            Components = FitComponents(request.Components),
        };
    }

    public static WebhookMessageRequest Prepare(WebhookMessageRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request with
        {
            Content = Cut(request.Content, DiscordLimits.Content),
            Embeds = FitEmbeds(request.Embeds),
            AllowedMentions = request.AllowedMentions ?? AllowedMentions.None,
            Components = FitComponents(request.Components),
            Poll = FitPoll(request.Poll),
        };
    }

    public static ForumPostRequest Prepare(ForumPostRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var m = request.Message;
        return request with
        {
            Name = Fit(request.Name, DiscordLimits.ThreadName),
            Message = m with
            {
                Content = Cut(m.Content, DiscordLimits.Content),
                Embeds = FitEmbeds(m.Embeds),
                AllowedMentions = m.AllowedMentions ?? AllowedMentions.None,
                Components = FitComponents(m.Components),
            },
        };
    }

    public static InteractionResponse Prepare(InteractionResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var d = response.Data;
        if (d is null)
        {
            return response;
        }

        d = response.Type switch
        {
            InteractionCallbackType.ChannelMessageWithSource or InteractionCallbackType.UpdateMessage => d with
            {
                Content = Cut(d.Content, DiscordLimits.Content),
                Embeds = FitEmbeds(d.Embeds),
                AllowedMentions = d.AllowedMentions ?? AllowedMentions.None,
                Components = FitComponents(d.Components),
                Poll = FitPoll(d.Poll),
            },
            InteractionCallbackType.ApplicationCommandAutocompleteResult => d with
            {
                Choices = d.Choices?.Take(DiscordLimits.AutocompleteChoices).Select(FitChoice).ToArray(),
            },
            InteractionCallbackType.Modal => d with
            {
                CustomId = CheckCustomId(d.CustomId),
                Title = Cut(d.Title, DiscordLimits.ModalTitle),
                Components = FitComponents(d.Components),
            },
            _ => d,
        };
        return response with { Data = d };
    }

    public static ApplicationCommandOptionChoice FitChoice(ApplicationCommandOptionChoice choice)
    {
        ArgumentNullException.ThrowIfNull(choice);
        var value = choice.Value;
        if (value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > DiscordLimits.ChoiceValue } s)
        {
            value = JsonSerializer.SerializeToElement(DiscordText.Clip(s, DiscordLimits.ChoiceValue), Serialization.DiscordJsonContext.Default.String);
        }

        return choice with { Name = Fit(choice.Name, DiscordLimits.ChoiceName), Value = value };
    }

    private static string? Cut(string? text, int max) => text is null ? null : Fit(text, max);

    /// <summary>Without control characters (line feeds stay), then cut to <paramref name="max"/>.</summary>
    private static string Fit(string? text, int max) => DiscordText.Truncate(DiscordText.WithoutControls(text), max);

    /// <summary>Cuts each embed's texts to their limits, then to 6000 characters across all embeds (dropping what cannot fit).</summary>
    public static IReadOnlyList<Embed>? FitEmbeds(IReadOnlyList<Embed>? embeds)
    {
        if (embeds is null)
        {
            return null;
        }

        var budget = DiscordLimits.EmbedTotal;
        var result = new List<Embed>(Math.Min(embeds.Count, DiscordLimits.EmbedsPerMessage));
        foreach (var embed in embeds.Take(DiscordLimits.EmbedsPerMessage))
        {
            var title = Take(embed.Title, DiscordLimits.EmbedTitle, ref budget);
            var author = embed.Author is null ? null : Take(embed.Author.Name, DiscordLimits.EmbedAuthor, ref budget);
            var description = Take(embed.Description, DiscordLimits.EmbedDescription, ref budget);
            List<EmbedField>? fields = null;
            if (embed.Fields is not null)
            {
                fields = [];
                foreach (var field in embed.Fields.Take(DiscordLimits.EmbedFields))
                {
                    if (budget < 2)
                    {
                        break;
                    }

                    var name = NonEmpty(Fit(field.Name, Math.Min(DiscordLimits.EmbedFieldName, budget - 1)));
                    var value = NonEmpty(Fit(field.Value, Math.Min(DiscordLimits.EmbedFieldValue, budget - name.Length)));
                    budget -= name.Length + value.Length;
                    fields.Add(field with { Name = name, Value = value });
                }
            }

            var footer = embed.Footer is null ? null : Take(embed.Footer.Text, DiscordLimits.EmbedFooter, ref budget);
            result.Add(embed with
            {
                Title = title,
                Description = description,
                Author = author is null ? null : embed.Author! with { Name = author },
                Footer = footer is null ? null : embed.Footer! with { Text = footer },
                Fields = fields,
            });
        }

        return result;
    }

    /// <summary>Discord refuses empty field names and values; a zero-width space stands in.</summary>
    private static string NonEmpty(string text) => text.Length == 0 ? "\u200B" : text;

    private static string? Take(string? text, int limit, ref int budget)
    {
        if (string.IsNullOrEmpty(text) || budget <= 0)
        {
            return null;
        }

        var cut = Fit(text, Math.Min(limit, budget));
        budget -= cut.Length;
        return cut.Length == 0 ? null : cut;
    }

    public static IReadOnlyList<Component>? FitComponents(IReadOnlyList<Component>? components) =>
        components?.Select(FitComponent).ToArray();

    private static Component FitComponent(Component c) => c with
    {
        CustomId = CheckCustomId(c.CustomId),
        Label = c.Label is null ? null : Fit(c.Label, c.Type == ComponentType.Label ? DiscordLimits.LabelText : DiscordLimits.ButtonLabel),
        Description = c.Description is null ? null : Fit(c.Description, DiscordLimits.LabelDescription),
        Placeholder = c.Placeholder is null ? null : Fit(c.Placeholder, DiscordLimits.SelectPlaceholder),
        Options = c.Options?.Select(o => o with
        {
            Label = Fit(o.Label, DiscordLimits.SelectOptionLabel),
            Value = DiscordText.Clip(o.Value, DiscordLimits.SelectOptionValue),
            Description = o.Description is null ? null : Fit(o.Description, DiscordLimits.SelectOptionDescription),
        }).ToArray(),
        Components = FitComponents(c.Components),
        Child = c.Child is null ? null : FitComponent(c.Child),
    };

    private static string? CheckCustomId(string? customId)
    {
        if (customId is { Length: > DiscordLimits.CustomId })
        {
            throw new ArgumentException($"custom_id is {customId.Length} characters; Discord allows {DiscordLimits.CustomId}.", nameof(customId));
        }

        return customId;
    }

    private static PollCreateRequest? FitPoll(PollCreateRequest? poll) => poll is null ? null : poll with
    {
        Question = poll.Question with { Text = Cut(poll.Question.Text, DiscordLimits.PollQuestion) },
        Answers = poll.Answers.Select(a => a with { PollMedia = a.PollMedia with { Text = Cut(a.PollMedia.Text, DiscordLimits.PollAnswer) } }).ToArray(),
    };
}
