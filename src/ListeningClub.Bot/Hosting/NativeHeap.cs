using System.Runtime.InteropServices;

namespace ListeningClub.Bot.Hosting;

/// <summary>
/// glibc keeps the memory that native code freed (the JIT compiling a start-up's worth of methods, the runtime's own
/// allocations) in its per-thread arenas instead of returning it; <c>malloc_trim</c> gives the free pages back. Where
/// the C library is not glibc (musl on Alpine), this does nothing.
/// </summary>
internal static class NativeHeap
{
    private static readonly MallocTrim? Trim = Load();

    private delegate int MallocTrim(nuint pad);

    /// <summary>Returns glibc's free pages to the operating system; false where there is no glibc.</summary>
    public static bool TryTrim()
    {
        if (Trim is null)
        {
            return false;
        }

        Trim(0);
        return true;
    }

    private static MallocTrim? Load() =>
        OperatingSystem.IsLinux() && NativeLibrary.TryLoad("libc.so.6", out var libc) && NativeLibrary.TryGetExport(libc, "malloc_trim", out var address)
            ? Marshal.GetDelegateForFunctionPointer<MallocTrim>(address)
            : null;
}
