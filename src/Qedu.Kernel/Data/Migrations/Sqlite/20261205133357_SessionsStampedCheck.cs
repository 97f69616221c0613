using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qedu.Kernel.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SessionsStampedCheck : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Accounts signed out or disabled before their changes were stamped get a stamp, so the check holds.
            migrationBuilder.Sql("UPDATE kernel_parent_accounts SET sessions_changed_at = strftime('%Y-%m-%d %H:%M:%S', 'now') || '+00:00' WHERE sessions_changed_at IS NULL AND (session_version <> 0 OR disabled <> 0)");
            migrationBuilder.AddCheckConstraint(
                name: "ck_parent_accounts_sessions_stamped",
                table: "kernel_parent_accounts",
                sql: "sessions_changed_at IS NOT NULL OR (session_version = 0 AND disabled = FALSE)");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "ck_parent_accounts_sessions_stamped",
                table: "kernel_parent_accounts");
        }
    }
}
