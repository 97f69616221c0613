using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qedu.Kernel.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SessionsChangedAt : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "sessions_changed_at",
                table: "kernel_parent_accounts",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_kernel_parent_accounts_sessions_changed_at",
                table: "kernel_parent_accounts",
                column: "sessions_changed_at",
                filter: "sessions_changed_at IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_kernel_parent_accounts_sessions_changed_at",
                table: "kernel_parent_accounts");

            migrationBuilder.DropColumn(
                name: "sessions_changed_at",
                table: "kernel_parent_accounts");
        }
    }
}
