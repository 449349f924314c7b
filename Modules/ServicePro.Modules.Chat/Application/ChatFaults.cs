using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace ServicePro.Modules.Chat.Application;

/// <summary>How both adapters (the hub's error filter and the shell's) tell a storage failure from any other fault.</summary>
public static class ChatFaults
{
    /// <summary>The database failed to store a change (retry later): a <see cref="DbException"/> or <see cref="DbUpdateException"/> anywhere in the chain.</summary>
    public static bool IsStorageFailure(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is DbException or DbUpdateException)
            {
                return true;
            }
        }

        return false;
    }
}
