using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qedu.Kernel.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SessionsChangedAt : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "sessions_changed_at",
                schema: "kernel",
                table: "parent_accounts",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_parent_accounts_sessions_changed_at",
                schema: "kernel",
                table: "parent_accounts",
                column: "sessions_changed_at",
                filter: "sessions_changed_at IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_parent_accounts_sessions_changed_at",
                schema: "kernel",
                table: "parent_accounts");

            migrationBuilder.DropColumn(
                name: "sessions_changed_at",
                schema: "kernel",
                table: "parent_accounts");
        }
    }
}
