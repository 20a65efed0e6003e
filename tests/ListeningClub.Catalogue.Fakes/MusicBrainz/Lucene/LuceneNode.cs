namespace ListeningClub.Catalogue.Fakes.MusicBrainz.Lucene;

/// <summary>A parsed Lucene query: the structure a search server sees.</summary>
public abstract record LuceneNode;

public sealed record LuceneAnd(LuceneNode Left, LuceneNode Right) : LuceneNode;

/// <summary>An explicit OR, or two clauses side by side (Lucene's default operator).</summary>
public sealed record LuceneOr(LuceneNode Left, LuceneNode Right) : LuceneNode;

public sealed record LuceneNot(LuceneNode Inner) : LuceneNode;

/// <summary><c>field:clause</c> or <c>field:(clauses)</c>.</summary>
public sealed record LuceneField(string Name, LuceneNode Inner) : LuceneNode;

/// <summary>One term, unescaped; <see cref="Prefix"/> when it ended in an unescaped <c>*</c>.</summary>
public sealed record LuceneTerm(string Text, bool Prefix) : LuceneNode;

/// <summary>A quoted phrase, unescaped.</summary>
public sealed record LucenePhrase(string Text) : LuceneNode;

/// <summary>The query does not parse (MusicBrainz answers 400).</summary>
public sealed class LuceneSyntaxException(string message) : Exception(message);
