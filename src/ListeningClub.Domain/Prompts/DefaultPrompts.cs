using ListeningClub.Domain.Media;

namespace ListeningClub.Domain.Prompts;

/// <summary>The decks every new track starts with, written for ListeningClub.</summary>
public static class DefaultPrompts
{
    public static IReadOnlyList<string> Film { get; } =
    [
        "Which single shot has stayed with you since the credits rolled, and why that one?",
        "If you had to describe this film to a friend in one sentence without naming its genre, what would you say?",
        "Whose point of view does the film trust, and whose does it keep at a distance?",
        "What did the opening five minutes promise, and did the rest of the film keep that promise?",
        "Which performance would you nominate for an award, and which scene would you send as the clip?",
        "How does the film use sound or silence to tell you something the images don't?",
        "Was there a moment you checked the time? What was happening on screen?",
        "What does the ending ask you to believe, and do you believe it?",
        "Which character would you most like to spend an evening with, and which would you avoid?",
        "How would this story change if it were set today, or fifty years earlier?",
        "What did the film leave out that you expected it to show?",
        "Which line of dialogue would you put on the poster?",
        "Did the music lead your feelings or follow them? Name a cue that worked or didn't.",
        "What is the film's argument, if it has one? Does it earn it?",
        "How does the film use colour, light or framing to mark a turning point?",
        "Which scene would you cut, and what would the film lose or gain without it?",
        "If this film had a sequel, what should it be about — or should it never have one?",
        "What did you know about this film before watching, and how did that shape what you saw?",
        "Which other film kept coming to mind while you watched, and why?",
        "How does the film treat time: does it rush, linger, jump? What does that do to you?",
        "Is there a villain? If not, what stands in the characters' way?",
        "What would the director's younger self have done differently with this story?",
        "Which location felt most alive, almost like a character of its own?",
        "What question would you ask the screenwriter if you had one minute with them?",
        "Did the film change your mind about anything, even something small?",
        "Where did you watch it, and do you think that changed the experience?",
        "Which moment made you laugh, wince or hold your breath, and why did it land?",
        "How would you score this film's rewatchability, and what would you look for the second time?",
        "Who is this film for? Would you recommend it to someone you know, and who?",
        "What is one detail you suspect most people missed?",
    ];

    public static IReadOnlyList<string> Album { get; } =
    [
        "Which track would you play to convince a sceptic, and which would you skip for them?",
        "Describe the album's sound in three words that aren't genre names.",
        "Where and when does this album sound best: a morning walk, a late drive, headphones in the dark?",
        "Which lyric stuck with you after the first listen?",
        "How does the running order shape the album? Would you reorder anything?",
        "Is there a song that only makes sense as part of the whole record?",
        "What does the opening track promise, and does the closer answer it?",
        "Which instrument or sound carries the most feeling here?",
        "Did the album grow on you over several listens, or hit hardest the first time?",
        "If this album were a film, what would its opening scene look like?",
        "What does the production do well, and where would you have made a different choice?",
        "How does this record sit in the artist's catalogue: a turning point, a peak, a detour?",
        "Which song would you put on a mixtape for someone in this club, and who?",
        "What do the cover art and title tell you before you press play? Did the music agree?",
        "Is there a moment where the album surprised you — a key change, a silence, a left turn?",
        "Which track feels the most personal for the artist, and why do you think so?",
        "What would this album sound like stripped down to one voice and one instrument?",
        "Name an album this one reminds you of, and what separates them.",
        "Where does the album lose momentum, if anywhere?",
        "Which song would you like to hear live, and how should it be played?",
        "How does the album handle its quieter moments?",
        "If you could ask the artist one question about this record, what would it be?",
        "Which line or hook was stuck in your head afterwards, for better or worse?",
        "Does the album tell a story or paint a mood? Which did you respond to?",
        "What did you expect going in, and how did the first listen compare?",
        "Which track is the heart of the record, and which is its weakest link?",
        "How would you describe the album's emotional arc from start to finish?",
        "Would this album have worked in a different decade? What would change?",
        "What is one sound, texture or detail you only noticed on a later listen?",
        "Who in your life would love this album, and who would turn it off after one song?",
    ];

    public static IReadOnlyList<string> For(MediaKind kind) => kind switch
    {
        MediaKind.Film => Film,
        MediaKind.Album => Album,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown media kind."),
    };
}
