//! `UtcTs`: an instant stored so that it sorts correctly on both backends
//! (INTEGER microseconds on SQLite, TIMESTAMPTZ on PostgreSQL).

use jiff::Timestamp;
use sqlx::decode::Decode;
use sqlx::encode::{Encode, IsNull};
use sqlx::error::BoxDynError;
use sqlx::postgres::{PgArgumentBuffer, PgTypeInfo, PgValueRef, Postgres};
use sqlx::sqlite::{Sqlite, SqliteArgumentsBuffer, SqliteTypeInfo, SqliteValueRef};
use sqlx::types::Type;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct UtcTs(pub Timestamp);

impl From<Timestamp> for UtcTs {
    fn from(t: Timestamp) -> Self {
        UtcTs(t)
    }
}

impl From<UtcTs> for Timestamp {
    fn from(t: UtcTs) -> Self {
        t.0
    }
}

impl Type<Sqlite> for UtcTs {
    fn type_info() -> SqliteTypeInfo {
        <i64 as Type<Sqlite>>::type_info()
    }
    fn compatible(ty: &SqliteTypeInfo) -> bool {
        <i64 as Type<Sqlite>>::compatible(ty)
    }
}

impl Encode<'_, Sqlite> for UtcTs {
    fn encode_by_ref(&self, buf: &mut SqliteArgumentsBuffer) -> Result<IsNull, BoxDynError> {
        let micros: i64 = self.0.as_microsecond();
        Encode::<Sqlite>::encode(micros, buf)
    }
}

impl<'r> Decode<'r, Sqlite> for UtcTs {
    fn decode(value: SqliteValueRef<'r>) -> Result<Self, BoxDynError> {
        let micros = <i64 as Decode<Sqlite>>::decode(value)?;
        Ok(UtcTs(Timestamp::from_microsecond(micros)?))
    }
}

impl Type<Postgres> for UtcTs {
    fn type_info() -> PgTypeInfo {
        <jiff_sqlx::Timestamp as Type<Postgres>>::type_info()
    }
}

impl Encode<'_, Postgres> for UtcTs {
    fn encode_by_ref(&self, buf: &mut PgArgumentBuffer) -> Result<IsNull, BoxDynError> {
        Encode::<Postgres>::encode(jiff_sqlx::Timestamp::from(self.0), buf)
    }
}

impl<'r> Decode<'r, Postgres> for UtcTs {
    fn decode(value: PgValueRef<'r>) -> Result<Self, BoxDynError> {
        let t = <jiff_sqlx::Timestamp as Decode<Postgres>>::decode(value)?;
        Ok(UtcTs(t.to_jiff()))
    }
}
