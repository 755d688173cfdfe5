//! The macro that turns the one table of rule kinds (in `kinds/mod.rs`) into everything
//! that lists them: the kind modules, [`KindName`](super::KindName) (the TOML names, with
//! serde and the JSON Schema), [`RuleKind`](super::RuleKind) and its dispatch, each kind's
//! options and whether it takes a scope, and its compiler. A new kind is one file in
//! `kinds/` with `OPTIONS`, `compile` and `check`, plus one line of the table.

/// `rule_kinds! { /// doc \n Variant(module::Type) = "toml-name", scope: bool; … }`
macro_rules! rule_kinds {
    ($( $(#[doc = $doc:literal])* $variant:ident($module:ident::$ty:ident) = $name:literal, scope: $scope:literal; )*) => {
        $( mod $module; )*

        /// The closed set of rule kinds, as `kind = "…"` names them.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Deserialize, schemars::JsonSchema)]
        pub enum KindName {
            $( $(#[doc = $doc])* #[serde(rename = $name)] $variant, )*
        }

        impl KindName {
            /// The name as written in TOML.
            pub fn as_str(self) -> &'static str {
                match self {
                    $( KindName::$variant => $name, )*
                }
            }
        }

        /// A compiled check: one variant per kind.
        #[derive(Debug)]
        pub enum RuleKind {
            $( #[doc = concat!("See [`", stringify!($module), "`].")] $variant($module::$ty), )*
        }

        impl RuleKind {
            /// Run the check on one document.
            pub fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
                match self {
                    $( RuleKind::$variant(k) => k.check(ctx, out), )*
                }
            }
        }

        /// The options each kind accepts (besides the common fields) and whether it takes
        /// a scope.
        fn kind_options(kind: KindName) -> (&'static [&'static str], bool) {
            match kind {
                $( KindName::$variant => ($module::OPTIONS, $scope), )*
            }
        }

        /// Compile the options of a rule of `kind`.
        fn compile_kind(kind: KindName, ctx: &CompileContext) -> Result<RuleKind, SpecError> {
            match kind {
                $( KindName::$variant => $module::$ty::compile(ctx).map(RuleKind::$variant), )*
            }
        }
    };
}

pub(super) use rule_kinds;
