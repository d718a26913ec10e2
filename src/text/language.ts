/** The two languages of everything a user reads: Swedish, and English as the alternative. */
export type Language = 'sv' | 'en';
