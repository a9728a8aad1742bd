using System.Runtime.InteropServices;

namespace ZonePolicy.Scripting;

/// <summary>
/// The processor time the calling thread has used. A C# function's budget is counted in it rather than in
/// elapsed time, so that a call on a busy build machine, whose thread waits for a core, is not reported as
/// over its budget when it is not: the same inputs give the same findings however loaded the machine is.
/// </summary>
internal static partial class ThreadCpuTime
{
    private static readonly int? ClockId = OperatingSystem.IsLinux() ? 3 : OperatingSystem.IsMacOS() ? 16 : null; // CLOCK_THREAD_CPUTIME_ID

    /// <summary>The calling thread's processor time, or null where the platform does not tell it.</summary>
    public static TimeSpan? Now()
    {
        try
        {
            if (ClockId is { } clock)
            {
                return clock_gettime(clock, out var time) == 0 ? TimeSpan.FromTicks((time.Seconds * TimeSpan.TicksPerSecond) + (time.Nanoseconds / 100)) : null;
            }

            if (OperatingSystem.IsWindows())
            {
                return GetThreadTimes(GetCurrentThread(), out _, out _, out var kernel, out var user) ? TimeSpan.FromTicks(kernel + user) : null;
            }
        }
        catch (Exception exception) when (exception is DllNotFoundException or EntryPointNotFoundException)
        {
            // Then elapsed time is all there is.
        }

        return null;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

#pragma warning disable SA1300, IDE1006 // the C library's names
    [DllImport("libc")]
    private static extern int clock_gettime(int clock, out TimeSpec time);
#pragma warning restore SA1300, IDE1006

    [DllImport("kernel32")]
    private static extern IntPtr GetCurrentThread();

    [DllImport("kernel32")]
    [return: MarshalAs(UnmanagedType.Bool)]
    private static extern bool GetThreadTimes(IntPtr thread, out long creation, out long exit, out long kernel, out long user);
}
