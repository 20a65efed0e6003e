using System.Text;

namespace ListeningClub.Catalogue.Fakes.MusicBrainz.Lucene;

/// <summary>
/// A strict parser for the Lucene query syntax MusicBrainz search accepts: terms (with backslash escapes and a
/// trailing <c>*</c>), quoted phrases, <c>field:</c>, parentheses, AND / OR / NOT (and &amp;&amp; || ! -), side-by-side
/// clauses as OR. An unescaped special character inside a term is a syntax error, as it would change the query.
/// </summary>
public static class LuceneParser
{
    private const string Special = "+-&|!(){}[]^\"~*?:\\/";

    public static LuceneNode Parse(string query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var tokens = Lex(query);
        var position = 0;
        var node = ParseOr(tokens, ref position);
        if (position != tokens.Count)
        {
            throw new LuceneSyntaxException($"unexpected {tokens[position].Kind} at token {position}");
        }

        return node;
    }

    private static LuceneNode ParseOr(List<Token> tokens, ref int position)
    {
        var left = ParseAnd(tokens, ref position);
        while (Peek(tokens, position) == Kind.Or)
        {
            position++;
            left = new LuceneOr(left, ParseAnd(tokens, ref position));
        }

        return left;
    }

    private static LuceneNode ParseAnd(List<Token> tokens, ref int position)
    {
        var left = ParseUnary(tokens, ref position);
        while (true)
        {
            var next = Peek(tokens, position);
            if (next == Kind.And)
            {
                position++;
                left = new LuceneAnd(left, ParseUnary(tokens, ref position));
            }
            else if (next is Kind.Word or Kind.Phrase or Kind.Field or Kind.Open or Kind.Not)
            {
                left = new LuceneOr(left, ParseUnary(tokens, ref position));
            }
            else
            {
                return left;
            }
        }
    }

    private static LuceneNode ParseUnary(List<Token> tokens, ref int position)
    {
        if (Peek(tokens, position) == Kind.Not)
        {
            position++;
            return new LuceneNot(ParseUnary(tokens, ref position));
        }

        if (Peek(tokens, position) == Kind.Field)
        {
            var name = tokens[position++].Text;
            if (Peek(tokens, position) is Kind.Field or Kind.Not or null)
            {
                throw new LuceneSyntaxException($"field {name}: without a clause");
            }

            return new LuceneField(name, ParsePrimary(tokens, ref position));
        }

        return ParsePrimary(tokens, ref position);
    }

    private static LuceneNode ParsePrimary(List<Token> tokens, ref int position)
    {
        var token = position < tokens.Count ? tokens[position++] : throw new LuceneSyntaxException("the query ends too soon");
        switch (token.Kind)
        {
            case Kind.Word:
                return new LuceneTerm(token.Text, token.Prefix);
            case Kind.Phrase:
                return new LucenePhrase(token.Text);
            case Kind.Open:
                var inner = ParseOr(tokens, ref position);
                if (Peek(tokens, position) != Kind.Close)
                {
                    throw new LuceneSyntaxException("a parenthesis is not closed");
                }

                position++;
                return inner;
            default:
                throw new LuceneSyntaxException($"unexpected {token.Kind}");
        }
    }

    private static Kind? Peek(List<Token> tokens, int position) => position < tokens.Count ? tokens[position].Kind : null;

    private static List<Token> Lex(string query)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < query.Length)
        {
            var c = query[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c is '(' or ')')
            {
                tokens.Add(new Token(c == '(' ? Kind.Open : Kind.Close, c.ToString()));
                i++;
            }
            else if (c == '"')
            {
                tokens.Add(new Token(Kind.Phrase, ReadPhrase(query, ref i)));
            }
            else if (Starts(query, i, "&&") || Starts(query, i, "||"))
            {
                tokens.Add(new Token(c == '&' ? Kind.And : Kind.Or, query.Substring(i, 2)));
                i += 2;
            }
            else if (c is '!' or '-')
            {
                tokens.Add(new Token(Kind.Not, c.ToString()));
                i++;
            }
            else if (c == '+')
            {
                i++; // "required": the same as a plain clause here
            }
            else
            {
                tokens.Add(ReadWord(query, ref i));
            }
        }

        return tokens;
    }

    private static string ReadPhrase(string query, ref int i)
    {
        var text = new StringBuilder();
        i++;
        while (i < query.Length && query[i] != '"')
        {
            if (query[i] == '\\' && i + 1 < query.Length)
            {
                i++;
            }

            text.Append(query[i++]);
        }

        if (i >= query.Length)
        {
            throw new LuceneSyntaxException("a phrase is not closed");
        }

        i++;
        return text.ToString();
    }

    private static Token ReadWord(string query, ref int i)
    {
        var text = new StringBuilder();
        var escaped = false;
        var prefix = false;
        while (i < query.Length && !char.IsWhiteSpace(query[i]) && query[i] is not ('(' or ')'))
        {
            var c = query[i];
            if (c == '\\')
            {
                if (i + 1 >= query.Length)
                {
                    throw new LuceneSyntaxException("a backslash at the end");
                }

                text.Append(query[i + 1]);
                escaped = true;
                i += 2;
                continue;
            }

            if (c == ':')
            {
                i++;
                return text.Length > 0 && !escaped ? new Token(Kind.Field, text.ToString()) : throw new LuceneSyntaxException("a colon without a field name");
            }

            if (c == '*' && (i + 1 >= query.Length || char.IsWhiteSpace(query[i + 1]) || query[i + 1] == ')') && text.Length > 0)
            {
                prefix = true;
                i++;
                break;
            }

            if (Special.Contains(c, StringComparison.Ordinal))
            {
                throw new LuceneSyntaxException($"an unescaped '{c}' inside a term");
            }

            text.Append(c);
            i++;
        }

        var word = text.ToString();
        return !escaped && !prefix && word is "AND" or "OR" or "NOT"
            ? new Token(word == "AND" ? Kind.And : word == "OR" ? Kind.Or : Kind.Not, word)
            : new Token(Kind.Word, word, prefix);
    }

    private static bool Starts(string text, int at, string value) => string.CompareOrdinal(text, at, value, 0, value.Length) == 0;

    private enum Kind
    {
        Word,
        Phrase,
        Field,
        Open,
        Close,
        And,
        Or,
        Not,
    }

    private sealed record Token(Kind Kind, string Text, bool Prefix = false);
}
