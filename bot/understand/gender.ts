const FEMALE = /女性|婦女|女生|女的|女老闆|女企業主|女負責人|女股東|女士|女創業家|媽媽|我是女|身為女|單親媽媽/;
const MALE = /男性|男生|男的|男老闆|我是男|身為男/;

/** The gender a message states about the applicant (some programmes are for women). */
export function findGender(text: string): 'female' | 'male' | undefined {
  const female = FEMALE.exec(text);
  const male = MALE.exec(text);
  if (female && (!male || female.index <= male.index)) return 'female';
  return male ? 'male' : undefined;
}
