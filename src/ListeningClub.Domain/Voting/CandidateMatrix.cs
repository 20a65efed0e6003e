using System.Text;

namespace ListeningClub.Domain.Voting;

/// <summary>
/// A square matrix of counts indexed by candidate: <c>matrix[i, j]</c> is about row candidate i
/// against column candidate j (for example, ballots preferring i over j). Immutable, with structural equality.
/// </summary>
public sealed class CandidateMatrix : IEquatable<CandidateMatrix>
{
    private readonly int[] _cells;
    private readonly Dictionary<string, int> _indexOf;

    /// <summary>Builds a matrix from <paramref name="values"/>, whose rows and columns follow <paramref name="candidates"/>.</summary>
    public CandidateMatrix(IReadOnlyList<string> candidates, int[,] values)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(values);
        var n = candidates.Count;
        if (values.GetLength(0) != n || values.GetLength(1) != n)
        {
            throw new ArgumentException($"The matrix must be {n}×{n}, one row and column per candidate.", nameof(values));
        }

        var cells = new int[n * n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                cells[(i * n) + j] = values[i, j];
            }
        }

        (Candidates, _indexOf, _cells) = (ValueList<string>.From(candidates), IndexCandidates(candidates), cells);
    }

    /// <summary>Takes ownership of a row-major array of <c>candidates.Count²</c> cells.</summary>
    internal CandidateMatrix(ValueList<string> candidates, int[] rowMajorCells)
    {
        (Candidates, _indexOf, _cells) = (candidates, IndexCandidates(candidates), rowMajorCells);
    }

    /// <summary>The candidates labelling the rows and the columns, in order.</summary>
    public IReadOnlyList<string> Candidates { get; }

    public int Size => Candidates.Count;

    public int this[int row, int column]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(row);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(row, Size);
            ArgumentOutOfRangeException.ThrowIfNegative(column);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(column, Size);
            return _cells[(row * Size) + column];
        }
    }

    public int this[string rowCandidate, string columnCandidate] => this[IndexOf(rowCandidate), IndexOf(columnCandidate)];

    /// <summary>The position of <paramref name="candidateId"/> among the rows and columns.</summary>
    /// <exception cref="KeyNotFoundException">When the candidate is not in the matrix.</exception>
    public int IndexOf(string candidateId) =>
        _indexOf.TryGetValue(candidateId, out var index)
            ? index
            : throw new KeyNotFoundException($"'{candidateId}' is not a candidate of this matrix.");

    public bool Equals(CandidateMatrix? other) =>
        other is not null
        && (ReferenceEquals(this, other) || (Candidates.Equals(other.Candidates) && _cells.AsSpan().SequenceEqual(other._cells)));

    public override bool Equals(object? obj) => Equals(obj as CandidateMatrix);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Candidates);
        foreach (var cell in _cells)
        {
            hash.Add(cell);
        }

        return hash.ToHashCode();
    }

    public override string ToString()
    {
        var text = new StringBuilder();
        for (var i = 0; i < Size; i++)
        {
            text.Append(Candidates[i]).Append(": ").AppendJoin(' ', _cells.AsSpan(i * Size, Size).ToArray()).AppendLine();
        }

        return text.ToString();
    }

    private static Dictionary<string, int> IndexCandidates(IReadOnlyList<string> candidates)
    {
        var indexOf = new Dictionary<string, int>(candidates.Count, StringComparer.Ordinal);
        for (var i = 0; i < candidates.Count; i++)
        {
            if (!indexOf.TryAdd(candidates[i] ?? throw new ArgumentException("A candidate id is null.", nameof(candidates)), i))
            {
                throw new ArgumentException($"Candidate '{candidates[i]}' appears twice.", nameof(candidates));
            }
        }

        return indexOf;
    }
}
