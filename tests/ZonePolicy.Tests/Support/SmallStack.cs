namespace ZonePolicy.Tests;

/// <summary>
/// Runs work on a thread with a one-megabyte stack, the smallest an ordinary host gives: a pass that
/// recursed too deeply would end the test process, so it must finish here.
/// </summary>
public static class SmallStack
{
    public const int Size = 1024 * 1024;

    public static T Run<T>(Func<T> work)
    {
        T result = default!;
        Exception? failure = null;
        var thread = new Thread(
            () =>
            {
                try
                {
                    result = work();
                }
                catch (Exception exception)
                {
                    failure = exception;
                }
            },
            Size);
        thread.Start();
        thread.Join();
        return failure is null ? result : throw new InvalidOperationException("the work failed on the small stack", failure);
    }
}
