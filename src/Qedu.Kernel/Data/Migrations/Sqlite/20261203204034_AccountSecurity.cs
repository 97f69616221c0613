using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qedu.Kernel.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AccountSecurity : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "must_change_password",
                table: "kernel_users",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<long>(
                name: "password_changed_at",
                table: "kernel_users",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "kernel_password_history",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    hash = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    set_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_kernel_password_history", x => x.id);
                    table.ForeignKey(
                        name: "fk_kernel_password_history_users_user_id",
                        column: x => x.user_id,
                        principalTable: "kernel_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "kernel_sign_in_throttles",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    account = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    client_address = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    failures = table.Column<int>(type: "INTEGER", nullable: false),
                    first_failure_at = table.Column<long>(type: "INTEGER", nullable: false),
                    last_failure_at = table.Column<long>(type: "INTEGER", nullable: false),
                    next_attempt_at = table.Column<long>(type: "INTEGER", nullable: true),
                    locked_until = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_kernel_sign_in_throttles", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "kernel_user_sessions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    started_at = table.Column<long>(type: "INTEGER", nullable: false),
                    last_seen_at = table.Column<long>(type: "INTEGER", nullable: false),
                    expires_at = table.Column<long>(type: "INTEGER", nullable: false),
                    ended_at = table.Column<long>(type: "INTEGER", nullable: true),
                    end_reason = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    client_address = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    user_agent = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    methods = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_kernel_user_sessions", x => x.id);
                    table.ForeignKey(
                        name: "fk_kernel_user_sessions_kernel_users_user_id",
                        column: x => x.user_id,
                        principalTable: "kernel_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_kernel_audit_entries_entity_key_sequence",
                table: "kernel_audit_entries",
                columns: new[] { "entity_key", "sequence" });

            migrationBuilder.CreateIndex(
                name: "ix_kernel_password_history_user_id_set_at",
                table: "kernel_password_history",
                columns: new[] { "user_id", "set_at" });

            migrationBuilder.CreateIndex(
                name: "ix_kernel_sign_in_throttles_account_client_address",
                table: "kernel_sign_in_throttles",
                columns: new[] { "account", "client_address" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_kernel_sign_in_throttles_last_failure_at",
                table: "kernel_sign_in_throttles",
                column: "last_failure_at");

            migrationBuilder.CreateIndex(
                name: "ix_kernel_user_sessions_user_id_ended_at",
                table: "kernel_user_sessions",
                columns: new[] { "user_id", "ended_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "kernel_password_history");

            migrationBuilder.DropTable(
                name: "kernel_sign_in_throttles");

            migrationBuilder.DropTable(
                name: "kernel_user_sessions");

            migrationBuilder.DropIndex(
                name: "ix_kernel_audit_entries_entity_key_sequence",
                table: "kernel_audit_entries");

            migrationBuilder.DropColumn(
                name: "must_change_password",
                table: "kernel_users");

            migrationBuilder.DropColumn(
                name: "password_changed_at",
                table: "kernel_users");
        }
    }
}
