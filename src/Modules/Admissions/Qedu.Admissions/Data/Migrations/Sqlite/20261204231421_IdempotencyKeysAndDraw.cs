using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qedu.Admissions.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class IdempotencyKeysAndDraw : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "draw_commitment",
                table: "admissions_seasons",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "draw_committed_at",
                table: "admissions_seasons",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "draw_run_id",
                table: "admissions_seasons",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "draw_salt_encrypted",
                table: "admissions_seasons",
                type: "BLOB",
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "draw_seed_encrypted",
                table: "admissions_seasons",
                type: "BLOB",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "drawn_at",
                table: "admissions_seasons",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "admissions_idempotency_keys",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    owner = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    key = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    fingerprint = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    status_code = table.Column<int>(type: "INTEGER", nullable: false),
                    location = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    body = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_admissions_idempotency_keys", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_admissions_idempotency_keys_created_at",
                table: "admissions_idempotency_keys",
                column: "created_at");

            migrationBuilder.CreateIndex(
                name: "ix_admissions_idempotency_keys_owner_key",
                table: "admissions_idempotency_keys",
                columns: new[] { "owner", "key" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "admissions_idempotency_keys");

            migrationBuilder.DropColumn(
                name: "draw_commitment",
                table: "admissions_seasons");

            migrationBuilder.DropColumn(
                name: "draw_committed_at",
                table: "admissions_seasons");

            migrationBuilder.DropColumn(
                name: "draw_run_id",
                table: "admissions_seasons");

            migrationBuilder.DropColumn(
                name: "draw_salt_encrypted",
                table: "admissions_seasons");

            migrationBuilder.DropColumn(
                name: "draw_seed_encrypted",
                table: "admissions_seasons");

            migrationBuilder.DropColumn(
                name: "drawn_at",
                table: "admissions_seasons");
        }
    }
}
