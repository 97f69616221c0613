using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Qedu.Admissions.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class IdempotencyKeysAndDraw : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "draw_commitment",
                schema: "admissions",
                table: "seasons",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "draw_committed_at",
                schema: "admissions",
                table: "seasons",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "draw_run_id",
                schema: "admissions",
                table: "seasons",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "draw_salt_encrypted",
                schema: "admissions",
                table: "seasons",
                type: "bytea",
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "draw_seed_encrypted",
                schema: "admissions",
                table: "seasons",
                type: "bytea",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "drawn_at",
                schema: "admissions",
                table: "seasons",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "idempotency_keys",
                schema: "admissions",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    owner = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    key = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    fingerprint = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    status_code = table.Column<int>(type: "integer", nullable: false),
                    location = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    body = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_idempotency_keys", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_idempotency_keys_created_at",
                schema: "admissions",
                table: "idempotency_keys",
                column: "created_at");

            migrationBuilder.CreateIndex(
                name: "ix_idempotency_keys_owner_key",
                schema: "admissions",
                table: "idempotency_keys",
                columns: new[] { "owner", "key" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "idempotency_keys",
                schema: "admissions");

            migrationBuilder.DropColumn(
                name: "draw_commitment",
                schema: "admissions",
                table: "seasons");

            migrationBuilder.DropColumn(
                name: "draw_committed_at",
                schema: "admissions",
                table: "seasons");

            migrationBuilder.DropColumn(
                name: "draw_run_id",
                schema: "admissions",
                table: "seasons");

            migrationBuilder.DropColumn(
                name: "draw_salt_encrypted",
                schema: "admissions",
                table: "seasons");

            migrationBuilder.DropColumn(
                name: "draw_seed_encrypted",
                schema: "admissions",
                table: "seasons");

            migrationBuilder.DropColumn(
                name: "drawn_at",
                schema: "admissions",
                table: "seasons");
        }
    }
}
